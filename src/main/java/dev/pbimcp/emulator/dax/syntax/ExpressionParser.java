package dev.pbimcp.emulator.dax.syntax;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.syntax.Lexer.Kind;
import dev.pbimcp.emulator.dax.syntax.Lexer.Token;
import dev.pbimcp.emulator.dax.syntax.Node.Binary;
import dev.pbimcp.emulator.dax.syntax.Node.Call;
import dev.pbimcp.emulator.dax.syntax.Node.ColumnRef;
import dev.pbimcp.emulator.dax.syntax.Node.Ident;
import dev.pbimcp.emulator.dax.syntax.Node.Literal;
import dev.pbimcp.emulator.dax.syntax.Node.NameRef;
import dev.pbimcp.emulator.dax.syntax.Node.TableCtor;
import dev.pbimcp.emulator.dax.syntax.Node.Unary;
import dev.pbimcp.emulator.dax.syntax.Node.Var;
import dev.pbimcp.emulator.dax.syntax.Node.VarBlock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses DAX expressions. Operator precedence follows DAX: {@code ^}, sign, {@code * /}, {@code +
 * -}, {@code &}, comparisons and {@code IN}, {@code NOT}, {@code &&}, {@code ||}.
 */
class ExpressionParser {
  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||"),
          List.of("&&"),
          List.of("NOT"),
          List.of("=", "==", "<>", "<", ">", "<=", ">=", "IN"),
          List.of("&"),
          List.of("+", "-"),
          List.of("*", "/"));

  private static final int MAX_NESTING = 200;
  private final List<Token> tokens;
  private int p;
  private int nesting;

  ExpressionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  void end() {
    Token end = peek();
    if (end.kind() != Kind.END) {
      throw new DaxException(
          end.line(), end.column(), "The syntax for '" + end.text() + "' is incorrect.");
    }
  }

  Node expr() {
    if (++nesting > MAX_NESTING) {
      Token t = peek();
      throw new DaxException(t.line(), t.column(), "The query is nested too deeply to evaluate.");
    }
    try {
      return varOrBinary();
    } finally {
      nesting--;
    }
  }

  private Node varOrBinary() {
    if (peek().is("VAR")) {
      Token start = peek();
      List<Var> vars = new ArrayList<>();
      while (accept("VAR")) {
        Token name = next();
        if (name.kind() != Kind.IDENT && name.kind() != Kind.TABLE) {
          throw new DaxException(name.line(), name.column(), "A variable name was expected.");
        }
        expect("=");
        vars.add(new Var(name.text(), expr()));
      }
      expect("RETURN");
      return new VarBlock(vars, expr(), start.line(), start.column());
    }
    return binary(0);
  }

  private Node binary(int level) {
    if (level == LEVELS.size()) {
      return power();
    }
    if (LEVELS.get(level).contains("NOT")) {
      Token t = peek();
      if (t.is("NOT") && !tokens.get(p + 1).is("(")) {
        next();
        return new Unary("NOT", binary(level), t.line(), t.column());
      }
      return binary(level + 1);
    }
    Node left = binary(level + 1);
    while ((peek().kind() == Kind.SYMBOL || peek().is("IN"))
        && LEVELS.get(level).contains(peek().text().toUpperCase(Locale.ROOT))) {
      Token op = next();
      left =
          new Binary(
              op.text().toUpperCase(Locale.ROOT), left, binary(level + 1), op.line(), op.column());
    }
    return left;
  }

  private Node power() {
    Node left = unary();
    while (peek().is("^")) {
      Token op = next();
      left = new Binary("^", left, unary(), op.line(), op.column());
    }
    return left;
  }

  private Node unary() {
    Token t = peek();
    if (t.is("-") || t.is("+")) {
      next();
      if (++nesting > MAX_NESTING) {
        throw new DaxException(t.line(), t.column(), "The query is nested too deeply to evaluate.");
      }
      try {
        return new Unary(t.text(), unary(), t.line(), t.column());
      } finally {
        nesting--;
      }
    }
    return primary();
  }

  private Node primary() {
    Token t = next();
    switch (t.kind()) {
      case STRING:
        return new Literal(t.text(), t.line(), t.column());
      case NUMBER:
        return new Literal(number(t.text()), t.line(), t.column());
      case DATE:
        return new Literal(date(t), t.line(), t.column());
      case COLUMN:
        return new NameRef(t.text(), t.line(), t.column());
      case TABLE:
        return tableOrColumn(t, true);
      case IDENT:
        if (peek().is("(")) {
          return call(t);
        }
        return tableOrColumn(t, false);
      case SYMBOL:
        if (t.is("(")) {
          Node inner = expr();
          expect(")");
          return inner;
        }
        if (t.is("{")) {
          return tableCtor(t);
        }
        throw new DaxException(
            t.line(), t.column(), "The syntax for '" + t.text() + "' is incorrect.");
      default:
        throw new DaxException(t.line(), t.column(), "The query ended unexpectedly.");
    }
  }

  private Node tableCtor(Token open) {
    List<List<Node>> rows = new ArrayList<>();
    if (!peek().is("}")) {
      do {
        if (peek().is("(")) {
          next();
          List<Node> row = new ArrayList<>();
          do {
            row.add(expr());
          } while (accept(","));
          expect(")");
          rows.add(row);
        } else {
          rows.add(List.of(expr()));
        }
      } while (accept(","));
    }
    expect("}");
    return new TableCtor(rows, open.line(), open.column());
  }

  private Node tableOrColumn(Token name, boolean quoted) {
    if (peek().kind() == Kind.COLUMN) {
      Token column = next();
      return new ColumnRef(name.text(), column.text(), name.line(), name.column());
    }
    return new Ident(name.text(), quoted, name.line(), name.column());
  }

  private Node call(Token name) {
    expect("(");
    List<Node> args = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        if (peek().is(",") || peek().is(")")) {
          // An omitted optional argument, as in RANKX(t, e, , DESC).
          args.add(new Literal(Parser.Omitted.INSTANCE, peek().line(), peek().column()));
        } else {
          args.add(expr());
        }
      } while (accept(","));
    }
    expect(")");
    return new Call(name.text().toUpperCase(Locale.ROOT), args, name.line(), name.column());
  }

  private static Object number(String text) {
    if (!text.contains(".") && !text.contains("e") && !text.contains("E")) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // Beyond Int64, DAX reads the literal as a decimal number.
      }
    }
    return Double.parseDouble(text);
  }

  private static LocalDateTime date(Token t) {
    String v = t.text().trim();
    try {
      return v.length() <= 10 ? LocalDate.parse(v).atStartOfDay() : LocalDateTime.parse(v);
    } catch (DateTimeParseException e) {
      throw new DaxException(
          t.line(), t.column(), "The date literal dt\"" + v + "\" is not a valid date.");
    }
  }

  static DaxException unsupported(Token t, String construct) {
    return new DaxException(
        t.line(), t.column(), "The Power BI emulator does not support '" + construct + "' yet.");
  }

  Token peek() {
    return tokens.get(p);
  }

  Token next() {
    Token t = tokens.get(p);
    if (t.kind() != Kind.END) {
      p++;
    }
    return t;
  }

  boolean accept(String symbol) {
    if (peek().is(symbol)) {
      p++;
      return true;
    }
    return false;
  }

  void expect(String symbolOrKeyword) {
    Token t = next();
    if (!t.is(symbolOrKeyword)) {
      throw new DaxException(
          t.line(),
          t.column(),
          "Expected "
              + symbolOrKeyword
              + (t.kind() == Kind.END ? " before the end." : " but found '" + t.text() + "'."));
    }
  }
}
