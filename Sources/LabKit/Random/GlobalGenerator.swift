/// A handle on the global default generator, for code written against
/// `TensorRandomGenerator`: draws through it advance `Random`'s stream, so
/// `Init.normal(s, std: σ)` draws what `Tensor.randn(s) * σ` would.
struct GlobalGenerator: TensorRandomGenerator {
  func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>) { Random.fillNormal(buffer) }
  func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>) { Random.fillUniform(buffer) }
}
