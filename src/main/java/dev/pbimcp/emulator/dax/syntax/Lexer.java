package dev.pbimcp.emulator.dax.syntax;

import dev.pbimcp.emulator.dax.DaxException;
import java.util.ArrayList;
import java.util.List;

/** Splits DAX text into tokens, keeping each token's line and column for error messages. */
final class Lexer {
  enum Kind {
    IDENT,
    TABLE,
    COLUMN,
    STRING,
    NUMBER,
    DATE,
    SYMBOL,
    END
  }

  record Token(Kind kind, String text, int line, int column) {
    boolean is(String symbolOrKeyword) {
      return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equalsIgnoreCase(symbolOrKeyword);
    }
  }

  private static final List<String> PAIRS = List.of("<=", ">=", "<>", "==", "&&", "||");

  private final String s;
  private int i;
  private int line = 1;
  private int lineStart;

  private Lexer(String s) {
    this.s = s;
  }

  static List<Token> tokens(String text) {
    return new Lexer(text).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      int col = i - lineStart + 1;
      if (i >= s.length()) {
        out.add(new Token(Kind.END, "", line, col));
        return out;
      }
      char c = s.charAt(i);
      if (c == '\'') {
        out.add(new Token(Kind.TABLE, quoted('\'', '\''), line, col));
      } else if (c == '[') {
        out.add(new Token(Kind.COLUMN, quoted('[', ']'), line, col));
      } else if (c == '"') {
        out.add(new Token(Kind.STRING, quoted('"', '"'), line, col));
      } else if ((c == 'd' || c == 'D')
          && s.regionMatches(true, i, "dt\"", 0, 3)
          && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
        i += 2;
        out.add(new Token(Kind.DATE, quoted('"', '"'), line, col));
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        out.add(new Token(Kind.NUMBER, number(), line, col));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i))
                || s.charAt(i) == '_'
                || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.IDENT, s.substring(start, i), line, col));
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (PAIRS.contains(two)) {
          out.add(new Token(Kind.SYMBOL, two, line, col));
          i += 2;
        } else if ("(),=<>+-*/&{}^;".indexOf(c) >= 0) {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), line, col));
          i++;
        } else {
          throw new DaxException(line, col, "The character '" + c + "' is not valid in DAX.");
        }
      }
    }
  }

  private String number() {
    int start = i;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int mark = i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i < s.length() && Character.isDigit(s.charAt(i))) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
      } else {
        i = mark;
      }
    }
    return s.substring(start, i);
  }

  /** Reads a quoted run where a doubled closing quote stands for itself. */
  private String quoted(char open, char close) {
    int col = i - lineStart + 1;
    int startLine = line;
    StringBuilder b = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == close) {
        if (i + 1 < s.length() && s.charAt(i + 1) == close) {
          b.append(close);
          i += 2;
          continue;
        }
        i++;
        return b.toString();
      }
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      }
      b.append(c);
      i++;
    }
    throw new DaxException(startLine, col, "The text starting with " + open + " is not closed.");
  }

  private void skipSpaceAndComments() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        lineStart = i;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("//", i) || s.startsWith("--", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        for (int k = i; k < (end < 0 ? s.length() : end); k++) {
          if (s.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = end < 0 ? s.length() : end + 2;
      } else {
        return;
      }
    }
  }
}
