package dev.pbimcp.emulator.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object of a model definition as both formats write it: its kind ({@code table}, {@code
 * column}, …), name, default property (a measure's expression, a partition's source type), other
 * properties, child objects and description, with the file and line it was read from. TMDL text and
 * TMSL JSON both become this tree, and one reader turns the tree into a model.
 */
final class ModelNode {
  /** A property's value and the line it was written on. */
  record Property(String value, int line) {}

  final String file;
  final int line;
  final String kind;
  final String name;
  String value;
  String description;
  final Map<String, Property> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final List<ModelNode> children = new ArrayList<>();

  ModelNode(String file, int line, String kind, String name) {
    this.file = file;
    this.line = line;
    this.kind = kind;
    this.name = name;
  }

  String text(String property) {
    Property p = properties.get(property);
    return p == null ? null : p.value();
  }

  int lineOf(String property) {
    Property p = properties.get(property);
    return p == null ? line : p.line();
  }

  /** A boolean property: absent is {@code absent}; a bare flag is true. */
  boolean flag(String property, boolean absent) {
    Property p = properties.get(property);
    if (p == null) {
      return absent;
    }
    if (p.value().equalsIgnoreCase("true")) {
      return true;
    }
    if (p.value().equalsIgnoreCase("false")) {
      return false;
    }
    throw new ModelFileException(
        file, p.line(), property + " is true or false, not '" + p.value() + "'.");
  }

  List<ModelNode> children(String childKind) {
    return children.stream().filter(c -> c.kind.equalsIgnoreCase(childKind)).toList();
  }

  String where() {
    return file + ":" + line;
  }
}
