/// An n-dimensional array of `Float` in row-major (C) order, with value
/// semantics: copies share storage until one of them is written (copy on write).
///
/// A rank-0 tensor (shape `[]`) holds one scalar. Elementwise arithmetic,
/// reductions and `matmul` follow numpy's meaning, so a lab cell reads like the
/// lecture's numpy code.
public struct Tensor: Sendable {
  /// The extent of each dimension, outermost first; `[16, 4096]` is 16 rows.
  public let shape: [Int]
  /// The elements in row-major order; `scalars.count == count`.
  public internal(set) var scalars: [Float]

  /// The number of elements: the product of `shape` (1 for a scalar).
  public var count: Int { scalars.count }
  /// The number of dimensions, `shape.count`.
  public var rank: Int { shape.count }

  /// Wraps `scalars`, laid out row-major, as a tensor of shape `shape`.
  ///
  /// - Precondition: every extent is ≥ 0 and their product is `scalars.count`.
  public init(_ scalars: [Float], shape: [Int]) {
    let n = Tensor.elementCount(shape, caller: "Tensor(_:shape:)")
    preconditionAlways(
      n == scalars.count,
      "Tensor(_:shape:): shape \(shape) holds \(n) elements but \(scalars.count) were given")
    self.shape = shape
    self.scalars = scalars
  }

  /// A one-dimensional tensor of `scalars`, shape `[scalars.count]`.
  public init(_ scalars: [Float]) {
    self.shape = [scalars.count]
    self.scalars = scalars
  }

  /// A tensor of shape `shape` with every element equal to `value`.
  public init(shape: [Int], repeating value: Float) {
    self.init(shape: shape, repeating: value, caller: "Tensor(shape:repeating:)")
  }

  /// The same, a bad shape reported as from `caller`, the call a cell made.
  init(shape: [Int], repeating value: Float, caller: String) {
    let n = Tensor.elementCount(shape, caller: caller)
    self.shape = shape
    self.scalars = [Float](repeating: value, count: n)
  }

  /// A tensor whose elements `fill` writes; `fill` must initialise all of
  /// them. A bad shape is reported as from `caller`.
  init(
    shape: [Int], caller: String = "Tensor",
    unsafeFill fill: (UnsafeMutableBufferPointer<Float>) -> Void
  ) {
    let n = Tensor.elementCount(shape, caller: caller)
    self.shape = shape
    self.scalars = [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
      HugePages.advise(buffer)
      fill(buffer)
      initialized = n
    }
  }

  /// The product of `shape`, trapping with a message naming `caller` and
  /// the shape on a negative extent.
  static func elementCount(_ shape: [Int], caller: String) -> Int {
    var n = 1
    for (axis, d) in shape.enumerated() {
      preconditionAlways(
        d >= 0,
        "\(caller): shape \(shape) has a negative extent (\(d) in dimension \(axis)); "
          + "every extent must be ≥ 0")
      let (product, overflow) = n.multipliedReportingOverflow(by: d)
      preconditionAlways(!overflow, "\(caller): shape \(shape) has too many elements to store")
      n = product
    }
    return n
  }
}

extension Tensor: Equatable {}

extension Tensor: CustomStringConvertible {
  /// `Tensor([2, 3]: [1.0, 2.0, …])`, at most 8 elements shown; NaN as `nan`.
  public var description: String {
    let shown = scalars.prefix(8).map(printedNumber).joined(separator: ", ")
    let more = count > 8 ? ", …" : ""
    return "Tensor(\(shape): [\(shown)\(more)])"
  }
}
