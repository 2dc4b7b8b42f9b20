package dev.pbimcp.emulator.dax.syntax;

import java.util.List;

/** The syntax tree of a DAX expression; every node keeps its position for error messages. */
public sealed interface Node {
  int line();

  int column();

  /** {@code 'Table'}, or a bare name: a table, a variable, or a keyword such as ASC. */
  record Ident(String name, boolean quoted, int line, int column) implements Node {}

  /** {@code 'Table'[Column]}. */
  record ColumnRef(String table, String name, int line, int column) implements Node {}

  /** {@code [Name]}: a measure, or a column of the current row. */
  record NameRef(String name, int line, int column) implements Node {}

  /** A number, string, boolean or date literal (Long, Double, String, LocalDateTime). */
  record Literal(Object value, int line, int column) implements Node {}

  record Call(String function, List<Node> args, int line, int column) implements Node {}

  record Binary(String op, Node left, Node right, int line, int column) implements Node {}

  /** {@code -x}, {@code +x} or {@code NOT x}. */
  record Unary(String op, Node operand, int line, int column) implements Node {}

  /** {@code {1, 2}} or {@code {(1, "a"), (2, "b")}}: rows of scalar expressions. */
  record TableCtor(List<List<Node>> rows, int line, int column) implements Node {}

  /** {@code VAR a = … VAR b = … RETURN expr}. */
  record VarBlock(List<Var> vars, Node body, int line, int column) implements Node {}

  /** One variable of a VAR block or of DEFINE. */
  record Var(String name, Node value) {}
}
