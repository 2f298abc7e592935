/// `value` as Swift prints it, except that every NaN reads `nan`, as numpy
/// prints it. Swift prints a NaN whose sign bit is set as `-nan`, and the
/// NaN that x86 makes of `0 / 0` or `inf - inf` has it set; a NaN's sign
/// means nothing.
func printedNumber<T: BinaryFloatingPoint>(_ value: T) -> String {
  value.isNaN ? "nan" : String(describing: value)
}
