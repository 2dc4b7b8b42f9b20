package dev.pbimcp.emulator.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TMDL text into {@link ModelNode}s, as Microsoft documents the language: indentation (tabs, or the
 * same number of spaces at every level) makes objects children of the line above; an object is
 * {@code kind name} with an optional default property after {@code =}; a property is {@code name:
 * value}, an expression property {@code name = expression}, a bare name a true flag; {@code ///}
 * lines describe the object below them. An expression continues on lines indented deeper than the
 * properties of its object, or verbatim between {@code ```} fences. Names with spaces or
 * punctuation are in single quotes, a quote doubled inside.
 */
final class TmdlParser {
  /** Object kinds that are declared without a name. */
  private static final Set<String> NAMELESS = Set.of("calculationgroup");

  private final String file;
  private final String[] lines;
  private int next;
  private int spaceUnit;

  private TmdlParser(String file, String text) {
    this.file = file;
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.lines = t.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
  }

  /** The top-level objects of one file. */
  static List<ModelNode> parse(String file, String text) {
    TmdlParser p = new TmdlParser(file, text);
    List<ModelNode> top = new ArrayList<>();
    p.children(null, 0, top);
    return top;
  }

  /** Reads the objects and properties at {@code level} that belong to {@code parent}. */
  private void children(ModelNode parent, int level, List<ModelNode> into) {
    StringBuilder description = null;
    while (next < lines.length) {
      String raw = lines[next];
      if (raw.isBlank()) {
        next++;
        continue;
      }
      int lineNo = next + 1;
      int depth = level(raw, lineNo);
      if (depth < level) {
        if (description != null) {
          throw error(
              lineNo - 1, "a /// description must stand right above the object it describes.");
        }
        return;
      }
      if (depth > level) {
        throw error(
            lineNo,
            "this line is indented "
                + (depth - level)
                + " level(s) deeper than expected; "
                + (parent == null
                    ? "a file starts with an object such as 'table Name' at the left margin."
                    : "properties and objects of "
                        + parent.kind
                        + " '"
                        + parent.name
                        + "' (line "
                        + parent.line
                        + ") are indented one level."));
      }
      String content = raw.strip();
      next++;
      if (content.startsWith("///")) {
        description = description == null ? new StringBuilder() : description.append('\n');
        description.append(content.substring(3).strip());
        continue;
      }
      int word = 0;
      while (word < content.length() && Character.isLetterOrDigit(content.charAt(word))) {
        word++;
      }
      if (word == 0) {
        throw error(
            lineNo,
            "expected a property ('name: value') or an object ('kind name'), not '"
                + content
                + "'.");
      }
      String kind = content.substring(0, word);
      String rest = content.substring(word).strip();
      if (rest.startsWith(":")) {
        property(parent, lineNo, kind, unquote(rest.substring(1).strip()));
      } else if (rest.startsWith("=")) {
        property(parent, lineNo, kind, expression(rest.substring(1).strip(), level + 1, lineNo));
      } else if (rest.isEmpty() && !NAMELESS.contains(kind.toLowerCase(java.util.Locale.ROOT))) {
        property(parent, lineNo, kind, "true");
      } else {
        ModelNode node = object(kind, rest, lineNo, level);
        if (description != null) {
          node.description = description.toString();
        }
        into.add(node);
      }
      description = null;
    }
  }

  private void property(ModelNode parent, int lineNo, String name, String value) {
    if (parent == null) {
      throw error(
          lineNo, "a property ('" + name + "') must be indented under the object it belongs to.");
    }
    if (parent.properties.containsKey(name)) {
      throw error(
          lineNo,
          "the property '" + name + "' is set twice (first on line " + parent.lineOf(name) + ").");
    }
    parent.properties.put(name, new ModelNode.Property(value, lineNo));
  }

  private ModelNode object(String kind, String rest, int lineNo, int level) {
    String name;
    String after;
    if (rest.startsWith("'")) {
      int[] end = new int[1];
      name = quoted(rest, lineNo, end);
      after = rest.substring(end[0]).strip();
    } else {
      int eq = rest.indexOf('=');
      name = (eq < 0 ? rest : rest.substring(0, eq)).strip();
      after = eq < 0 ? "" : rest.substring(eq).strip();
    }
    ModelNode node = new ModelNode(file, lineNo, kind, name);
    if (after.startsWith("=")) {
      node.value = expression(after.substring(1).strip(), level + 2, lineNo);
    } else if (!after.isEmpty()) {
      throw error(
          lineNo,
          "expected '=' or the end of the line after the name "
              + kind
              + " '"
              + name
              + "', not '"
              + after
              + "'.");
    }
    children(node, level + 1, node.children);
    return node;
  }

  /** An expression: the rest of its first line, then deeper lines (or a fenced block). */
  private String expression(String first, int depth, int lineNo) {
    List<String> body = new ArrayList<>();
    if (first.startsWith("```")) {
      while (true) {
        if (next >= lines.length) {
          throw error(lineNo, "the ``` block opened here is never closed by a line holding ```.");
        }
        String raw = lines[next++];
        if (raw.strip().equals("```")) {
          break;
        }
        body.add(strip(raw, depth));
      }
      return String.join("\n", body);
    }
    if (!first.isEmpty()) {
      body.add(first);
    }
    int blanks = 0;
    while (next < lines.length) {
      String raw = lines[next];
      if (raw.isBlank()) {
        blanks++;
        next++;
        continue;
      }
      if (level(raw, 0) < depth) {
        break;
      }
      for (; blanks > 0 && !body.isEmpty(); blanks--) {
        body.add("");
      }
      blanks = 0;
      body.add(strip(raw, depth));
      next++;
    }
    // Blank lines after the expression belong to the structure, not to it: give them back.
    next -= blanks;
    if (body.isEmpty()) {
      throw error(
          lineNo,
          "the expression after '=' is empty; write it on the same line or on the lines below, indented deeper.");
    }
    return String.join("\n", body);
  }

  /** Removes {@code depth} levels of indentation, keeping any deeper indentation. */
  private String strip(String raw, int depth) {
    int i = 0;
    for (int d = 0; d < depth && i < raw.length(); d++) {
      if (raw.charAt(i) == '\t') {
        i++;
      } else {
        int s = 0;
        while (s < Math.max(spaceUnit, 1) && i < raw.length() && raw.charAt(i) == ' ') {
          s++;
          i++;
        }
        if (s == 0) {
          break;
        }
      }
    }
    return raw.substring(i).stripTrailing();
  }

  /**
   * The indentation level of a line: its tabs, or its spaces over the file's space unit. Inside an
   * expression ({@code lineNo} 0) any number of spaces is allowed.
   */
  private int level(String raw, int lineNo) {
    int tabs = 0;
    while (tabs < raw.length() && raw.charAt(tabs) == '\t') {
      tabs++;
    }
    int spaces = 0;
    while (tabs + spaces < raw.length() && raw.charAt(tabs + spaces) == ' ') {
      spaces++;
    }
    if (spaces == 0) {
      return tabs;
    }
    if (tabs > 0) {
      // Spaces after tabs only indent inside an expression.
      return tabs;
    }
    if (spaceUnit == 0) {
      spaceUnit = spaces;
    }
    if (spaces % spaceUnit != 0 && lineNo > 0) {
      throw error(
          lineNo,
          "indented by "
              + spaces
              + " spaces, but this file indents by "
              + spaceUnit
              + " spaces (or tabs) a level.");
    }
    return spaces / spaceUnit;
  }

  private String quoted(String s, int lineNo, int[] end) {
    StringBuilder b = new StringBuilder();
    int i = 1;
    while (true) {
      if (i >= s.length()) {
        throw error(
            lineNo,
            "the name " + s + " has no closing quote (a quote inside a name is written twice).");
      }
      char c = s.charAt(i);
      if (c == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          b.append('\'');
          i += 2;
          continue;
        }
        end[0] = i + 1;
        return b.toString();
      }
      b.append(c);
      i++;
    }
  }

  /**
   * A property value that is one string in double quotes (text) or one name in single quotes is
   * unquoted, a doubled quote inside made single. A value that only starts and ends with a quote,
   * such as {@code 'Sales Order'.'Order Key'}, is kept as written.
   */
  private static String unquote(String v) {
    char q = v.isEmpty() ? 0 : v.charAt(0);
    if (v.length() < 2 || (q != '"' && q != '\'')) {
      return v;
    }
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != q) {
        b.append(c);
      } else if (i + 1 < v.length() && v.charAt(i + 1) == q) {
        b.append(q);
        i++;
      } else {
        return i == v.length() - 1 ? b.toString() : v;
      }
    }
    return v;
  }

  private ModelFileException error(int lineNo, String message) {
    return new ModelFileException(file, lineNo, message);
  }
}
