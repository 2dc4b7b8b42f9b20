package dev.pbimcp.json;

/**
 * Short strings {@link JsonTree} read lately, by hash: a POST's member names and most of its values
 * (the method, the version, the tool's name) are those of the POSTs before it, and one found here
 * is a string already made and hashed, where a new one would be made, then hashed by every map it
 * goes into. Races are harmless: a string is immutable, and a slot another thread took is a miss.
 */
final class RecentStrings {
  private static final String[] SLOTS = new String[512];

  /** Longer strings (a DAX query, say) are rarely read twice: each is a string of its own. */
  static final int LONGEST = 64;

  private RecentStrings() {}

  /** {@code text[start, end)}, whose {@code String.hashCode} is {@code hash}, as read lately. */
  static String of(String text, int start, int end, int hash) {
    int n = end - start;
    if (n > LONGEST) {
      return text.substring(start, end);
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS.length - 1);
    String known = SLOTS[slot];
    if (known != null && known.length() == n && text.regionMatches(start, known, 0, n)) {
      return known;
    }
    String fresh = text.substring(start, end);
    SLOTS[slot] = fresh;
    return fresh;
  }
}
