/// Tracks, per layer and per step, the ratio of the size of a weight update
/// to the size of the weights it changed:
///
///     ratio = ‖W_after − W_before‖ / ‖W_before‖   (Frobenius norms)
///
/// The lecture's rule of thumb wants it near 1e-3: far below, the learning
/// rate is too low and the weights barely move; far above, it is too high.
/// Measuring the actual change, not −α·∇W, makes it right for any optimiser
/// (momentum, Adam, weight decay).
///
///     var tracker = UpdateRatioTracker()
///     let before = model.parameters
///     optimizer.step(&model)
///     tracker.observe(names: model.parameterNames, before: before,
///                     after: model.parameters)
///     tracker.show()
public struct UpdateRatioTracker: Sendable {
  /// The tracked names, in the order first observed.
  public private(set) var names: [String] = []
  private var history: [String: [Double]] = [:]

  /// An empty tracker.
  public init() {}

  /// ‖after − before‖ / ‖before‖, in `Double`: +inf when `before` is all zero
  /// and the update is not, NaN when both are zero.
  public static func ratio(before: Tensor, after: Tensor) -> Double {
    preconditionAlways(
      before.shape == after.shape,
      "UpdateRatioTracker.ratio: shapes \(before.shape) and \(after.shape) differ; "
        + "compare a weight with its own updated value")
    var update = 0.0
    var weight = 0.0
    for (b, a) in zip(before.scalars, after.scalars) {
      let d = Double(a) - Double(b)
      update += d * d
      weight += Double(b) * Double(b)
    }
    return update.squareRoot() / weight.squareRoot()
  }

  /// Appends this step's ratio for `name`.
  public mutating func observe(_ name: String, before: Tensor, after: Tensor) {
    if history[name] == nil { names.append(name) }
    history[name, default: []].append(UpdateRatioTracker.ratio(before: before, after: after))
  }

  /// Appends this step's ratio for each named tensor (e.g. a model's
  /// `parameterNames` and its `parameters` before and after a step).
  public mutating func observe(names: [String], before: [Tensor], after: [Tensor]) {
    preconditionAlways(
      names.count == before.count && before.count == after.count,
      "UpdateRatioTracker.observe: \(names.count) names, \(before.count) tensors before "
        + "and \(after.count) after; give one name per tensor")
    for (name, (b, a)) in zip(names, zip(before, after)) { observe(name, before: b, after: a) }
  }

  /// Every ratio observed for `name`, step by step (empty if never observed).
  public func ratios(_ name: String) -> [Double] { history[name] ?? [] }

  /// The median ratio of `name` over its steps (NaN when none): a summary
  /// that one exploding step does not move.
  public func medianRatio(_ name: String) -> Double {
    let values = ratios(name).filter { !$0.isNaN }.sorted()
    guard !values.isEmpty else { return .nan }
    let mid = values.count / 2
    return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
  }

  /// Draws every tracked ratio against the step on a log scale, with the
  /// lecture's target 1e-3 as a flat reference line named "1e-3".
  public func show(
    title: String = "Update / weight ratio", file: StaticString = #file, line: UInt = #line
  ) {
    let steps = names.map { ratios($0).count }.max() ?? 0
    var lines = names.map { (name: $0, values: ratios($0)) }
      .filter { $0.values.count == steps }
    lines.append((name: "1e-3", values: Array(repeating: 1e-3, count: steps)))
    LabKit.show(
      lines: lines, title: title, xLabel: "step", yLabel: "‖ΔW‖ / ‖W‖", logY: true,
      file: file, line: line)
  }
}
