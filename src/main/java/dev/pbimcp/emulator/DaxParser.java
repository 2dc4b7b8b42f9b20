package dev.pbimcp.emulator;

import dev.pbimcp.emulator.DaxExpr.Binary;
import dev.pbimcp.emulator.DaxExpr.Call;
import dev.pbimcp.emulator.DaxExpr.ColumnRef;
import dev.pbimcp.emulator.DaxExpr.Direction;
import dev.pbimcp.emulator.DaxExpr.Literal;
import dev.pbimcp.emulator.DaxExpr.NameRef;
import dev.pbimcp.emulator.DaxExpr.TableRef;
import dev.pbimcp.emulator.DaxLexer.Kind;
import dev.pbimcp.emulator.DaxLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a DAX query of the subset the emulator evaluates. Anything outside it is refused with the
 * position and the name of the construct, so the grammar can grow one construct at a time.
 */
final class DaxParser {
  private final List<Token> tokens;
  private int p;

  private DaxParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static DaxExpr.Query parse(String text) {
    return new DaxParser(DaxLexer.tokens(text)).query();
  }

  private DaxExpr.Query query() {
    Token first = peek();
    if (first.is("DEFINE")) {
      throw unsupported(first, "DEFINE");
    }
    expect("EVALUATE");
    DaxExpr table = expression();
    List<DaxExpr> orderBy = new ArrayList<>();
    List<Boolean> ascending = new ArrayList<>();
    if (peek().is("ORDER")) {
      next();
      expect("BY");
      do {
        orderBy.add(expression());
        boolean asc = true;
        if (peek().is("ASC") || peek().is("DESC")) {
          asc = next().is("ASC");
        }
        ascending.add(asc);
      } while (accept(","));
    }
    Token end = peek();
    if (end.is("EVALUATE")) {
      throw new DaxException(end.line(), end.column(), "The emulator runs one EVALUATE per query.");
    }
    if (end.kind() != Kind.END) {
      throw new DaxException(
          end.line(), end.column(), "The syntax for '" + end.text() + "' is incorrect.");
    }
    return new DaxExpr.Query(table, orderBy, ascending);
  }

  private DaxExpr expression() {
    return binary(0);
  }

  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||"),
          List.of("&&"),
          List.of("=", "==", "<>", "<", ">", "<=", ">="),
          List.of("&"),
          List.of("+", "-"),
          List.of("*", "/"));

  private DaxExpr binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    DaxExpr left = binary(level + 1);
    while (peek().kind() == Kind.SYMBOL && LEVELS.get(level).contains(peek().text())) {
      Token op = next();
      left = new Binary(op.text(), left, binary(level + 1), op.line(), op.column());
    }
    return left;
  }

  private DaxExpr unary() {
    Token t = peek();
    if (t.is("-")) {
      next();
      return new Binary("-", new Literal(0L, t.line(), t.column()), unary(), t.line(), t.column());
    }
    return primary();
  }

  private DaxExpr primary() {
    Token t = next();
    switch (t.kind()) {
      case STRING:
        return new Literal(t.text(), t.line(), t.column());
      case NUMBER:
        return new Literal(number(t.text()), t.line(), t.column());
      case COLUMN:
        return new NameRef(t.text(), t.line(), t.column());
      case TABLE:
        return tableOrColumn(t);
      case IDENT:
        if (t.is("ASC") || t.is("DESC")) {
          return new Direction(t.is("ASC"), t.line(), t.column());
        }
        if (peek().is("(")) {
          return call(t);
        }
        return tableOrColumn(t);
      case SYMBOL:
        if (t.is("(")) {
          DaxExpr inner = expression();
          expect(")");
          return inner;
        }
        throw new DaxException(
            t.line(), t.column(), "The syntax for '" + t.text() + "' is incorrect.");
      default:
        throw new DaxException(t.line(), t.column(), "The query ended unexpectedly.");
    }
  }

  private DaxExpr tableOrColumn(Token name) {
    if (peek().kind() == Kind.COLUMN) {
      Token column = next();
      return new ColumnRef(name.text(), column.text(), name.line(), name.column());
    }
    return new TableRef(name.text(), name.line(), name.column());
  }

  private DaxExpr call(Token name) {
    expect("(");
    List<DaxExpr> args = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        args.add(expression());
      } while (accept(","));
    }
    expect(")");
    return new Call(
        name.text().toUpperCase(java.util.Locale.ROOT), args, name.line(), name.column());
  }

  private static Object number(String text) {
    return text.contains(".") ? new BigDecimal(text).doubleValue() : Long.parseLong(text);
  }

  static DaxException unsupported(Token t, String construct) {
    return new DaxException(
        t.line(), t.column(), "The Power BI emulator does not support '" + construct + "' yet.");
  }

  private Token peek() {
    return tokens.get(p);
  }

  private Token next() {
    Token t = tokens.get(p);
    if (t.kind() != Kind.END) {
      p++;
    }
    return t;
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      p++;
      return true;
    }
    return false;
  }

  private void expect(String symbolOrKeyword) {
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
