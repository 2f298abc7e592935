/// The notebook rule that cells run top to bottom, checked before a lab is
/// compiled: a cell may not use a top-level `let`/`var` that only a later
/// cell declares.
///
/// Swift accepts such a program, because the cells share one scope: the
/// variable exists, but its value is not set yet when the earlier cell
/// runs, so the cell reads zero (`0` for an `Int`) or crashes (an array, a
/// `Tensor`). Functions and types may be used before their declaration, as
/// Swift allows; only variables and constants count. A later cell that
/// re-declares an earlier name runs in a scope of its own (`LabProgram`),
/// hidden from the cells above it, so neither it nor the cells after it
/// count.
public enum DeclarationOrder {
  /// One error per name a cell uses before the cell that declares it, at
  /// the first such use (`file.md:line:col`), in document order.
  public static func errors(in document: LabDocument) -> [Diagnostic] {
    findings(in: document, program: LabProgram(document)).map(\.diagnostic)
  }

  /// The errors with the index (into the document's cells) of the cell
  /// holding each use.
  static func findings(
    in document: LabDocument, program: LabProgram
  ) -> [(cellIndex: Int, diagnostic: Diagnostic)] {
    let cells = document.cells
    let outlines = program.included.map { CellOutline(cells[$0].code) }
    let names = program.included.map { CellScan(cells[$0].code).names }
    var visible: Set<String> = []
    var found: [(cellIndex: Int, diagnostic: Diagnostic)] = []
    for (position, index) in program.included.enumerated() {
      visible.formUnion(names[position])
      visible.formUnion(outlines[position].values.map(\.name))
      for use in outlines[position].uses where !visible.contains(use.name) {
        guard let later = declaration(of: use.name, after: position, program, outlines, names)
        else { continue }
        let laterCell = cells[program.included[later.position]]
        let declaredAt = document.sourceLocation(
          in: laterCell, line: later.place.line, column: later.place.column)
        let usedAt = document.sourceLocation(
          in: cells[index], line: use.line, column: use.column)
        found.append(
          (
            index,
            Diagnostic(
              .error, at: usedAt,
              "cell '\(cells[index].id)' uses \"\(use.name)\", which is declared only further "
                + "down, in cell '\(laterCell.id)' (\(declaredAt)); when this cell runs it has "
                + "no value yet",
              hint: "cells run top to bottom: move the declaration up, or this use down")
          ))
      }
    }
    return found
  }

  /// The first cell after `position` that declares `name` as a top-level
  /// variable the cell at `position` can see: before any cell that opens a
  /// scope of its own, and before any that declares `name` otherwise.
  private static func declaration(
    of name: String, after position: Int, _ program: LabProgram, _ outlines: [CellOutline],
    _ names: [Set<String>]
  ) -> (position: Int, place: CellOutline.Place)? {
    for later in (position + 1)..<outlines.count {
      if program.opensScope[later] { return nil }
      if let place = outlines[later].values.first(where: { $0.name == name }) {
        return (later, place)
      }
      if names[later].contains(name) { return nil }
    }
    return nil
  }
}
