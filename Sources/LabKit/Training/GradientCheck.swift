/// Compares backward's gradients with central finite differences
/// `∂f/∂xᵢ ≈ (f(x + h·eᵢ) - f(x - h·eᵢ)) / 2h`, the sums accumulated in
/// `Double`. The error measure is `‖a - n‖ / (‖a‖ + ‖n‖)` over a whole
/// tensor (0 when both are 0): below 1e-3 means backward is right up to
/// float32 round-off and the O(h²) truncation. Inputs should stay more than
/// h away from kinks (ReLU's 0, the hinge's margin).
public enum GradientCheck {
  // Limitation: forward passes run in float32 (Tensor stores Float); only the sums are in
  // Double, and the step h = 1e-2 keeps round-off well below the 1e-3 bar.
  /// `‖a - b‖ / (‖a‖ + ‖b‖)`, in `Double`; 0 when both are zero.
  public static func relativeError(_ a: Tensor, _ b: Tensor) -> Double {
    preconditionAlways(
      a.shape == b.shape, "relativeError: shapes \(a.shape) and \(b.shape) differ")
    var (diff, na, nb) = (0.0, 0.0, 0.0)
    for (x, y) in zip(a.scalars, b.scalars) {
      diff += (Double(x) - Double(y)) * (Double(x) - Double(y))
      na += Double(x) * Double(x)
      nb += Double(y) * Double(y)
    }
    let scale = na.squareRoot() + nb.squareRoot()
    return scale == 0 ? 0 : diff.squareRoot() / scale
  }

  /// The central-difference gradient of `f` at `x`, step `h` per element.
  public static func numericalGradient(
    at x: Tensor, step h: Float = 1e-2, _ f: (Tensor) -> Double
  ) -> Tensor {
    var gradient = Tensor.zeros(x.shape)
    var probe = x
    for i in 0..<x.count {
      let saved = probe.scalars[i]
      probe.scalars[i] = saved + h
      let up = f(probe)
      probe.scalars[i] = saved - h
      let down = f(probe)
      probe.scalars[i] = saved
      // The step actually taken in float32, not the nominal 2h.
      let width = Double(saved + h) - Double(saved - h)
      gradient.scalars[i] = Float((up - down) / width)
    }
    return gradient
  }

  /// The relative errors of a layer's backward: for the input and each
  /// parameter, against finite differences of `f = Σ layer(x) ⊙ r` with a
  /// fixed random r (so dy = r). Each forward runs on a fresh copy of
  /// `layer`, so random masks repeat exactly.
  public static func check<L: Layer>(
    _ layer: L, input x: Tensor, step h: Float = 1e-2, seed: UInt64 = 1
  ) -> (input: Double, parameters: [Double]) {
    var g = CounterRandom(seed: seed)
    var probe = layer
    let y = probe.forward(x)
    let r = Tensor.randn(y.shape, using: &g)
    let dx = probe.backward(r)
    let analytic = probe.gradients

    func objective(_ out: Tensor) -> Double {
      zip(out.scalars, r.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    let inputError = relativeError(
      dx,
      numericalGradient(at: x, step: h) { xi in
        var copy = layer
        return objective(copy.forward(xi))
      })
    var parameterErrors: [Double] = []
    for k in layer.parameters.indices {
      let numeric = numericalGradient(at: layer.parameters[k], step: h) { theta in
        var copy = layer
        copy.parameters[k] = theta
        return objective(copy.forward(x))
      }
      parameterErrors.append(relativeError(analytic[k], numeric))
    }
    return (inputError, parameterErrors)
  }

  /// The relative error of a loss's gradient with respect to its scores.
  public static func check(
    loss: (Tensor) -> LossValue, at scores: Tensor, step h: Float = 1e-2
  ) -> Double {
    let analytic = loss(scores).gradient
    let numeric = numericalGradient(at: scores, step: h) { loss($0).value }
    return relativeError(analytic, numeric)
  }
}
