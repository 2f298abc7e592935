/// A source of random tensors: anything that can fill a buffer with standard
/// normal or uniform draws. `Tensor.randn(_:using:)` and friends take one.
///
/// LabKit ships two: `CounterRandom` (fast, parallel, LabKit's default) and
/// `NumpyRandom` (numpy's legacy MT19937, bit for bit).
public protocol TensorRandomGenerator {
  /// Fills `buffer` with independent draws from N(0, 1), advancing the state.
  mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>)
  /// Fills `buffer` with independent draws from U[0, 1), advancing the state.
  mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>)
}
