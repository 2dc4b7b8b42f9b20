package dev.pbimcp.emulator.dax.eval;

import dev.pbimcp.emulator.dax.syntax.Node;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** FORMAT with the en-US culture: named and custom number formats, and date patterns. */
final class Formats {
  private Formats() {}

  static String format(Object v, String pattern, Node at) {
    if (v == null) {
      return "";
    }
    String named = named(pattern);
    if (v instanceof LocalDateTime d) {
      return date(d, named == null ? pattern : named);
    }
    if (v instanceof Boolean b) {
      return pattern.equalsIgnoreCase("Yes/No")
          ? (b ? "Yes" : "No")
          : pattern.equalsIgnoreCase("On/Off") ? (b ? "On" : "Off") : (b ? "True" : "False");
    }
    if (v instanceof String s && !looksNumeric(s)) {
      return s;
    }
    double d = Values.dbl(v, at);
    if (pattern.isEmpty() || pattern.equalsIgnoreCase("General Number")) {
      return Values.text(v instanceof String ? d : v);
    }
    String p = named == null ? pattern : named;
    if (p.startsWith("DATE:")) {
      return date(Values.fromSerial(d), p.substring(5));
    }
    String[] sections = p.split(";", -1);
    if (d < 0 && sections.length > 1) {
      return number(-d, sections[1]);
    }
    if (d == 0 && sections.length > 2) {
      return number(d, sections[2]);
    }
    return number(d, sections[0]);
  }

  private static boolean looksNumeric(String s) {
    return s.trim().matches("[-+]?\\d*\\.?\\d+([eE][-+]?\\d+)?");
  }

  private static String named(String p) {
    return switch (p.toLowerCase(Locale.ROOT)) {
      case "currency" -> "$#,0.00;($#,0.00)";
      case "fixed" -> "0.00";
      case "standard" -> "#,0.00";
      case "percent" -> "0.00%";
      case "scientific" -> "0.00E+00";
      case "general date" -> "M/d/yyyy h:nn:ss AM/PM";
      case "long date" -> "dddd, mmmm d, yyyy";
      case "medium date" -> "dd-mmm-yy";
      case "short date" -> "M/d/yyyy";
      case "long time" -> "h:nn:ss AM/PM";
      case "medium time" -> "hh:nn AM/PM";
      case "short time" -> "hh:nn";
      default -> null;
    };
  }

  /** A custom number format: literal prefix and suffix around one {@code #,0.00}-like part. */
  private static String number(double d, String p) {
    if (p.toUpperCase(Locale.ROOT).contains("E+")) {
      DecimalFormat f =
          new DecimalFormat(p.replace("E+", "E"), DecimalFormatSymbols.getInstance(Locale.US));
      return f.format(d).replace("E", "E+");
    }
    int start = firstOf(p, "#0.,");
    if (start < 0) {
      return p;
    }
    int end = start;
    while (end < p.length() && "#0.,".indexOf(p.charAt(end)) >= 0) {
      end++;
    }
    String prefix = literal(p.substring(0, start));
    String suffix = literal(p.substring(end));
    String core = p.substring(start, end);
    if (p.contains("%")) {
      d *= 100;
    }
    int dot = core.indexOf('.');
    String whole = dot < 0 ? core : core.substring(0, dot);
    String frac = dot < 0 ? "" : core.substring(dot + 1);
    DecimalFormat f = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.US));
    f.setRoundingMode(RoundingMode.HALF_UP);
    f.setGroupingUsed(whole.contains(","));
    f.setGroupingSize(3);
    f.setMinimumIntegerDigits((int) whole.chars().filter(ch -> ch == '0').count());
    f.setMinimumFractionDigits((int) frac.chars().filter(ch -> ch == '0').count());
    f.setMaximumFractionDigits(frac.length());
    return prefix + f.format(d) + suffix;
  }

  private static int firstOf(String p, String chars) {
    for (int i = 0; i < p.length(); i++) {
      if (chars.indexOf(p.charAt(i)) >= 0 && !(p.charAt(i) == '.' || p.charAt(i) == ',')) {
        return i;
      }
    }
    return -1;
  }

  private static String literal(String s) {
    return s.replace("\"", "").replace("\\", "");
  }

  /** Date patterns: yyyy yy q mmmm mmm mm m dddd ddd dd d hh h nn ss AM/PM, other text literal. */
  static String date(LocalDateTime d, String p) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean afterHour = false;
    boolean twelve = p.toUpperCase(Locale.ROOT).contains("AM/PM");
    while (i < p.length()) {
      char ch = Character.toLowerCase(p.charAt(i));
      int run = 1;
      while (i + run < p.length() && Character.toLowerCase(p.charAt(i + run)) == ch) {
        run++;
      }
      if (p.regionMatches(true, i, "AM/PM", 0, 5)) {
        out.append(d.getHour() < 12 ? "AM" : "PM");
        i += 5;
        continue;
      }
      switch (ch) {
        case 'y' ->
            out.append(
                run >= 3
                    ? String.format("%04d", d.getYear())
                    : String.format("%02d", d.getYear() % 100));
        case 'q' -> out.append((d.getMonthValue() - 1) / 3 + 1);
        case 'm' -> {
          if (afterHour && run <= 2) {
            out.append(run == 2 ? String.format("%02d", d.getMinute()) : d.getMinute());
          } else if (run >= 4) {
            out.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
          } else if (run == 3) {
            out.append(d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
          } else {
            out.append(run == 2 ? String.format("%02d", d.getMonthValue()) : d.getMonthValue());
          }
        }
        case 'd' -> {
          if (run >= 4) {
            out.append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
          } else if (run == 3) {
            out.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
          } else {
            out.append(run == 2 ? String.format("%02d", d.getDayOfMonth()) : d.getDayOfMonth());
          }
        }
        case 'h' -> {
          int h = twelve ? (d.getHour() % 12 == 0 ? 12 : d.getHour() % 12) : d.getHour();
          out.append(run == 2 ? String.format("%02d", h) : h);
          afterHour = true;
          i += run;
          continue;
        }
        case 'n' -> out.append(run == 2 ? String.format("%02d", d.getMinute()) : d.getMinute());
        case 's' -> out.append(run == 2 ? String.format("%02d", d.getSecond()) : d.getSecond());
        case '"' -> {
          int close = p.indexOf('"', i + 1);
          out.append(p, i + 1, close < 0 ? p.length() : close);
          i = close < 0 ? p.length() : close + 1;
          continue;
        }
        default -> out.append(p, i, i + run);
      }
      if (ch != ':' && ch != ' ') {
        afterHour = afterHour && ch == 'm';
      }
      i += run;
    }
    return out.toString();
  }
}
