/// Which fan Kaiming initialisation divides by (He et al. 2015): `.fanIn`
/// keeps the variance of activations in the forward pass, `.fanOut` that of
/// gradients in the backward pass.
public enum FanMode: Sendable, Hashable {
  /// Divide by the number of inputs to each unit (the lecture's Din).
  case fanIn
  /// Divide by the number of outputs each input feeds.
  case fanOut
}
