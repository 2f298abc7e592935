internal import Glibc

/// Data augmentation on batches of images, shape `[n, h, w]` or
/// `[n, c, h, w]` (the last two dimensions are the image plane). Each
/// function returns a new batch and draws its randomness from `generator`.
///
/// Label-mixing methods take targets `[n, K]` (one-hot or smoothed rows,
/// see `oneHot(_:classes:)`) and return them blended like the images, for
/// `softmaxCrossEntropy(_:targets:)`.
public enum Augment {
  /// Mirrors each image left–right with probability `probability`.
  public static func horizontalFlip<G: RandomNumberGenerator>(
    _ images: Tensor, probability: Double = 0.5, using generator: inout G
  ) -> Tensor {
    let g = Geometry(images, "horizontalFlip")
    var out = images
    for i in 0..<g.n where Random.uniform(0...1, using: &generator) < probability {
      for plane in g.planes(of: i) {
        for r in 0..<g.h {
          for c in 0..<g.w {
            out.scalars[plane + r * g.w + c] = images.scalars[plane + r * g.w + (g.w - 1 - c)]
          }
        }
      }
    }
    return out
  }

  /// Pads each image with `padding` zeros on every side and crops an h × w
  /// window at a uniformly random offset: a random shift of up to
  /// `padding` pixels each way (the CIFAR recipe).
  public static func randomCrop<G: RandomNumberGenerator>(
    _ images: Tensor, padding: Int, using generator: inout G
  ) -> Tensor {
    preconditionAlways(padding >= 0, "randomCrop: padding must be ≥ 0, got \(padding)")
    let g = Geometry(images, "randomCrop")
    var out = Tensor.zeros(images.shape)
    for i in 0..<g.n {
      let dy = Int(generator.next() % UInt64(2 * padding + 1)) - padding
      let dx = Int(generator.next() % UInt64(2 * padding + 1)) - padding
      for plane in g.planes(of: i) {
        for r in 0..<g.h {
          let sr = r + dy
          guard sr >= 0 && sr < g.h else { continue }
          for c in 0..<g.w {
            let sc = c + dx
            guard sc >= 0 && sc < g.w else { continue }
            out.scalars[plane + r * g.w + c] = images.scalars[plane + sr * g.w + sc]
          }
        }
      }
    }
    return out
  }

  /// Cutout (DeVries & Taylor 2017): sets a `size × size` square, centred
  /// at a uniformly random pixel and clipped at the border, to `fill` in
  /// each image.
  public static func cutout<G: RandomNumberGenerator>(
    _ images: Tensor, size: Int, fill: Float = 0, using generator: inout G
  ) -> Tensor {
    preconditionAlways(size > 0, "cutout: size must be > 0, got \(size)")
    let g = Geometry(images, "cutout")
    var out = images
    for i in 0..<g.n {
      let cy = Int(generator.next() % UInt64(g.h))
      let cx = Int(generator.next() % UInt64(g.w))
      let box = Box(
        top: Swift.max(cy - size / 2, 0), left: Swift.max(cx - size / 2, 0),
        bottom: Swift.min(cy - size / 2 + size, g.h), right: Swift.min(cx - size / 2 + size, g.w))
      g.fill(&out, image: i, box: box) { _ in fill }
    }
    return out
  }

  /// Random erasing (Zhong et al. 2020): with probability `probability`,
  /// a rectangle covering a fraction of the image drawn from `area`, with
  /// aspect ratio (height/width) log-uniform in `aspect`, placed uniformly
  /// inside the image, is filled with uniform noise over the batch's value
  /// range. A rectangle that does not fit is redrawn (at most 10 times).
  public static func randomErasing<G: RandomNumberGenerator>(
    _ images: Tensor, probability: Double = 0.5, area: ClosedRange<Double> = 0.02...0.33,
    aspect: ClosedRange<Double> = 0.3...3.3, using generator: inout G
  ) -> Tensor {
    let g = Geometry(images, "randomErasing")
    let (low, high) = (images.min(), images.max())
    var out = images
    for i in 0..<g.n where Random.uniform(0...1, using: &generator) < probability {
      for _ in 0..<10 {
        let target = Random.uniform(area, using: &generator) * Double(g.h * g.w)
        let ratio = Random.logUniform(aspect, using: &generator)
        let bh = Int((target * ratio).squareRoot().rounded())
        let bw = Int((target / ratio).squareRoot().rounded())
        guard bh >= 1, bw >= 1, bh <= g.h, bw <= g.w else { continue }
        let top = Int(generator.next() % UInt64(g.h - bh + 1))
        let left = Int(generator.next() % UInt64(g.w - bw + 1))
        let box = Box(top: top, left: left, bottom: top + bh, right: left + bw)
        g.fill(&out, image: i, box: box) { _ in
          low + (high - low) * Float(Random.uniform(0...1, using: &generator))
        }
        break
      }
    }
    return out
  }

  /// Mixup (Zhang et al. 2018): λ ~ Beta(α, α) once for the batch, a random
  /// partner j(i) for each example, `x̃ᵢ = λxᵢ + (1 - λ)x_j(i)` and the
  /// targets blended with the same λ.
  ///
  /// - Precondition: α > 0; `targets` is `[n, K]`.
  public static func mixup<G: RandomNumberGenerator>(
    _ images: Tensor, targets: Tensor, alpha: Double, using generator: inout G
  ) -> (images: Tensor, targets: Tensor, lambda: Double) {
    preconditionAlways(alpha > 0, "mixup: alpha must be > 0, got \(alpha)")
    checkTargets(images, targets, "mixup")
    let lambda = Random.beta(alpha, alpha, using: &generator)
    let partner = permutation(images.shape[0], using: &generator)
    let l = Float(lambda)
    let mixed = images * l + images.rows(at: partner) * (1 - l)
    let blended = targets * l + targets.rows(at: partner) * (1 - l)
    return (mixed, blended, lambda)
  }

  /// CutMix (Yun et al. 2019): λ ~ Beta(α, α); a box of side fractions
  /// √(1 - λ), centred at a uniformly random pixel and clipped, is pasted
  /// from a random partner into each image. The targets are blended by the
  /// pixel share actually kept, `λ' = 1 - box area / (h·w)`, returned as
  /// `lambda`.
  public static func cutMix<G: RandomNumberGenerator>(
    _ images: Tensor, targets: Tensor, alpha: Double, using generator: inout G
  ) -> (images: Tensor, targets: Tensor, lambda: Double) {
    preconditionAlways(alpha > 0, "cutMix: alpha must be > 0, got \(alpha)")
    checkTargets(images, targets, "cutMix")
    let g = Geometry(images, "cutMix")
    let lambda = Random.beta(alpha, alpha, using: &generator)
    let partner = permutation(g.n, using: &generator)
    let side = (1 - lambda).squareRoot()
    let (bh, bw) = (Int(Double(g.h) * side), Int(Double(g.w) * side))
    let cy = Int(generator.next() % UInt64(g.h))
    let cx = Int(generator.next() % UInt64(g.w))
    let box = Box(
      top: Swift.max(cy - bh / 2, 0), left: Swift.max(cx - bw / 2, 0),
      bottom: Swift.min(cy - bh / 2 + bh, g.h), right: Swift.min(cx - bw / 2 + bw, g.w))
    var out = images
    for i in 0..<g.n {
      let source = g.planes(of: partner[i])
      for (k, plane) in g.planes(of: i).enumerated() {
        for r in box.top..<box.bottom {
          for c in box.left..<box.right {
            out.scalars[plane + r * g.w + c] = images.scalars[source[k] + r * g.w + c]
          }
        }
      }
    }
    let kept = 1 - Double(box.area) / Double(g.h * g.w)
    let l = Float(kept)
    let blended = targets * l + targets.rows(at: partner) * (1 - l)
    return (out, blended, kept)
  }

  static func checkTargets(_ images: Tensor, _ targets: Tensor, _ name: String) {
    preconditionAlways(
      targets.rank == 2 && images.rank >= 1 && targets.shape[0] == images.shape[0],
      "\(name): targets must be [n, K] for \(images.shape.first ?? 0) images, got "
        + "\(targets.shape); make them with oneHot(labels, classes: K)")
  }

  /// A rectangle of pixel rows `top..<bottom` and columns `left..<right`.
  struct Box {
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int
    var area: Int { Swift.max(bottom - top, 0) * Swift.max(right - left, 0) }
  }

  /// Where each image plane of a batch starts in the flat storage.
  struct Geometry {
    let n: Int
    let h: Int
    let w: Int
    let channels: Int

    init(_ images: Tensor, _ name: String) {
      preconditionAlways(
        images.rank == 3 || images.rank == 4,
        "\(name): needs images [n, h, w] or [n, c, h, w], got \(images.shape); reshape "
          + "flat rows first, e.g. x.reshaped([-1, 8, 8])")
      n = images.shape[0]
      h = images.shape[images.rank - 2]
      w = images.shape[images.rank - 1]
      channels = images.rank == 4 ? images.shape[1] : 1
      preconditionAlways(h > 0 && w > 0, "\(name): images of shape \(images.shape) are empty")
    }

    /// The offset of each channel plane of image `i`.
    func planes(of i: Int) -> [Int] {
      (0..<channels).map { (i * channels + $0) * h * w }
    }

    func fill(_ out: inout Tensor, image i: Int, box: Box, _ value: (Int) -> Float) {
      for plane in planes(of: i) {
        for r in box.top..<Swift.max(box.bottom, box.top) {
          for c in box.left..<Swift.max(box.right, box.left) {
            out.scalars[plane + r * w + c] = value(plane + r * w + c)
          }
        }
      }
    }
  }
}
