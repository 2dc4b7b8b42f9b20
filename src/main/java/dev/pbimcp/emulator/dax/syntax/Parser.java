package dev.pbimcp.emulator.dax.syntax;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.dax.syntax.Lexer.Kind;
import dev.pbimcp.emulator.dax.syntax.Lexer.Token;
import dev.pbimcp.emulator.dax.syntax.Node.Var;
import java.util.ArrayList;
import java.util.List;

/** Parses DAX queries: DEFINE (MEASURE, VAR, TABLE, COLUMN), then EVALUATE statements. */
public final class Parser extends ExpressionParser {
  private Parser(List<Token> tokens) {
    super(tokens);
  }

  /** A standalone expression, such as a model measure or a role's filter. */
  public static Node expression(String text) {
    Parser parser = new Parser(Lexer.tokens(text));
    Node e = parser.expr();
    parser.end();
    return e;
  }

  public static Query query(String text) {
    return new Parser(Lexer.tokens(text)).query();
  }

  private Query query() {
    List<Query.MeasureDef> measures = new ArrayList<>();
    List<Var> vars = new ArrayList<>();
    List<Query.ColumnDef> columns = new ArrayList<>();
    if (accept("DEFINE")) {
      while (!peek().is("EVALUATE") && peek().kind() != Kind.END) {
        Token t = next();
        if (t.is("MEASURE") || t.is("COLUMN")) {
          Token table = next();
          Token name = next();
          if (table.kind() != Kind.TABLE && table.kind() != Kind.IDENT
              || name.kind() != Kind.COLUMN) {
            throw new DaxException(
                table.line(), table.column(), t.text() + " needs a name like 'Table'[Name].");
          }
          expect("=");
          Node e = expr();
          if (t.is("MEASURE")) {
            measures.add(new Query.MeasureDef(table.text(), name.text(), e));
          } else {
            columns.add(new Query.ColumnDef(table.text(), name.text(), e));
          }
        } else if (t.is("VAR") || t.is("TABLE")) {
          Token name = next();
          expect("=");
          vars.add(new Var(name.text(), expr()));
        } else if (t.is("FUNCTION")) {
          throw unsupported(t, "DEFINE FUNCTION");
        } else {
          throw new DaxException(
              t.line(),
              t.column(),
              "DEFINE expects MEASURE, VAR, TABLE or COLUMN, not '" + t.text() + "'.");
        }
        accept(";");
      }
    }
    List<Query.Evaluate> evaluates = new ArrayList<>();
    do {
      expect("EVALUATE");
      Node table = expr();
      List<Query.OrderKey> orderBy = new ArrayList<>();
      if (accept("ORDER")) {
        expect("BY");
        do {
          Node key = expr();
          boolean asc = true;
          if (peek().is("ASC") || peek().is("DESC")) {
            asc = next().is("ASC");
          }
          orderBy.add(new Query.OrderKey(key, asc));
        } while (accept(","));
      }
      List<Node> startAt = new ArrayList<>();
      if (accept("START")) {
        expect("AT");
        do {
          startAt.add(expr());
        } while (accept(","));
      }
      evaluates.add(new Query.Evaluate(table, orderBy, startAt));
      accept(";");
    } while (peek().is("EVALUATE"));
    end();
    return new Query(measures, vars, columns, evaluates);
  }

  /** The value of an argument left empty. */
  public enum Omitted {
    INSTANCE
  }
}
