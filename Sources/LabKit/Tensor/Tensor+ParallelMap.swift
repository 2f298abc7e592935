internal import Dispatch

extension Tensor {
  /// Elements per piece of `mapInParallel`; a tensor of one piece or less
  /// is mapped on the calling thread.
  static let mapPiece = 1 << 14

  /// `map(transform)`, split into pieces mapped concurrently. For transforms
  /// that cost more than a memory access (tanh, exp, erf…); the result is
  /// the same as `map`'s, element for element.
  func mapInParallel(_ transform: @Sendable (Float) -> Float) -> Tensor {
    guard count > Tensor.mapPiece else { return map(transform) }
    return scalars.withUnsafeBufferPointer { input in
      Tensor(shape: shape) { output in
        let buffers = MapBuffers(input: input, output: output)
        let pieces = (count + Tensor.mapPiece - 1) / Tensor.mapPiece
        DispatchQueue.concurrentPerform(iterations: pieces) { p in
          let lo = p * Tensor.mapPiece
          let hi = Swift.min(lo + Tensor.mapPiece, buffers.input.count)
          for i in lo..<hi { buffers.output[i] = transform(buffers.input[i]) }
        }
      }
    }
  }
}

/// The two sides of a parallel map.
// Safe to send: the input is only read, each piece writes its own range of
// the output, and concurrentPerform returns when every piece is done.
private struct MapBuffers: @unchecked Sendable {
  let input: UnsafeBufferPointer<Float>
  let output: UnsafeMutableBufferPointer<Float>
}
