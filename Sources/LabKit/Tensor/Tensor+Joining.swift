/// Joins `tensors` along an existing axis (`np.concatenate(tensors, axis=…)`,
/// `torch.cat`): every shape must agree except along `axis`, where the
/// extents add up. `concatenate([a, b])` with `a` `[2, 3]` and `b` `[4, 3]`
/// is `[6, 3]`, `a`'s rows first; with `axis: 1`, `[2, 3]` and `[2, 5]` give
/// `[2, 8]`. A negative axis counts from the end.
///
/// - Precondition: at least one tensor, all of one rank ≥ 1, and `axis` in
///   range for that rank.
public func concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
  preconditionAlways(!tensors.isEmpty, "concatenate: needs at least one tensor, got none")
  let first = tensors[0].shape
  let rank = first.count
  let shapes = tensors.map(\.shape)
  preconditionAlways(
    rank >= 1, "concatenate: scalars (shape []) have no axis to join; use stack, got \(shapes)")
  let a = axis < 0 ? axis + rank : axis
  preconditionAlways(
    a >= 0 && a < rank, "concatenate: axis \(axis) is out of range for shapes \(shapes)")
  for shape in shapes {
    var expected = first
    if shape.count == rank { expected[a] = shape[a] }
    preconditionAlways(
      shape == expected,
      "concatenate: shapes \(shapes) must match except along axis \(axis), "
        + "but \(shape) differs from \(first)")
  }

  // Row-major: each tensor contributes one contiguous block per position
  // of the axes before `axis`.
  let outer = first[..<a].reduce(1, *)
  let blocks = tensors.map { $0.count / Swift.max(outer, 1) }
  var shape = first
  shape[a] = shapes.reduce(0) { $0 + $1[a] }
  var scalars: [Float] = []
  scalars.reserveCapacity(Tensor.elementCount(shape, caller: "concatenate"))
  for o in 0..<outer {
    for (t, block) in zip(tensors, blocks) {
      scalars.append(contentsOf: t.scalars[(o * block)..<((o + 1) * block)])
    }
  }
  return Tensor(scalars, shape: shape)
}

/// Joins tensors of one shape along a new axis (`np.stack(tensors, axis=…)`,
/// `torch.stack`): n tensors of shape `[3]` give `[n, 3]` (each a row) with
/// `axis: 0`, and `[3, n]` (each a column) with `axis: 1`. `axis` may be
/// 0 … rank; a negative axis counts from the end of the result's shape.
///
/// - Precondition: at least one tensor, all of the same shape.
public func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
  preconditionAlways(!tensors.isEmpty, "stack: needs at least one tensor, got none")
  let first = tensors[0].shape
  let shapes = tensors.map(\.shape)
  preconditionAlways(
    shapes.allSatisfy { $0 == first }, "stack: needs tensors of one shape, got \(shapes)")
  let a = axis < 0 ? axis + first.count + 1 : axis
  preconditionAlways(
    a >= 0 && a <= first.count,
    "stack: axis \(axis) is out of range for stacking shapes \(shapes) "
      + "(the result has rank \(first.count + 1))")

  // A new axis of extent 1 on each, then a concatenation along it.
  var expanded = first
  expanded.insert(1, at: a)
  return concatenate(tensors.map { $0.reshaped(expanded) }, axis: a)
}
