/// Stops the program with `message` when `condition` is false, printing the
/// message in every build. (The standard `precondition` drops its message in
/// optimised builds, and LabKit ships optimised: students would see a bare
/// "illegal instruction" instead of "matmul: shapes … do not chain".)
@inline(__always)
func preconditionAlways(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError(message(), file: file, line: line) }
}
