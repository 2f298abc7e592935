#!/usr/bin/env python3
"""Writes the grading benchmark: an instructor's version of labs/weight-init.md
with solution regions, tests and `grading:` settings, and N generated student
submissions of it (correct, partly wrong, not compiling, crashing, looping).

    generate.py OUT [N]   ->  OUT/lab/weight-init.md, OUT/submissions/sNNN.md

Submissions vary their text (names, comments, spacing) so that no two
programs are identical and the grader's compile cache cannot serve them.
"""
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SOLUTION_CELL = """
## Your turn: the two scales

Write the standard deviation each scheme draws its weights with, for a layer
with `fanIn` inputs.

```swift id=scales solution
/// Xavier (Glorot & Bengio 2010): 1/sqrt(fanIn).
func xavierStd(fanIn: Int) -> Float {
  // BEGIN SOLUTION
  return 1 / Float(fanIn).squareRoot()
  // END SOLUTION
}

/// Kaiming / MSRA (He et al. 2015), for ReLU: sqrt(2/fanIn).
func kaimingStd(fanIn: Int) -> Float {
  // BEGIN SOLUTION
  return (2 / Float(fanIn)).squareRoot()
  // END SOLUTION
}
```
"""

TESTS = """
## Tests

```swift id=test-scales test points=2 needs=scales
checkClose("Xavier std for fan in 100", Double(xavierStd(fanIn: 100)), 0.1, rtol: 1e-5)
checkClose("Kaiming std for fan in 50", Double(kaimingStd(fanIn: 50)), 0.2, rtol: 1e-5)
```

```swift id=test-conv-fan-in test points=1
checkEqual("fan in of a 64x64x3x3 convolution", fanIn, 576)
```

```swift id=test-kaiming-stack test hidden points=3 needs=scales
var signal = Tensor.randn([batch, width])
var stds: [Double] = []
for _ in 0..<depth {
  signal = relu(signal.matmul(Tensor.randn([width, width]) * kaimingStd(fanIn: width)))
  stds.append(Double(signal.std()))
}
checkBand("ReLU activations keep their scale with Kaiming", stds, 0.4...1.2, points: 3)
```

Which scheme keeps a deep ReLU network's activations well scaled?
(A) std 0.01 (B) Xavier (C) Kaiming

```answer id=relu-choice choice points=1
key: C
```
"""

GRADING = """grading:
  params.width: 256
  test-timeout: 2
  timeout: 60
"""

CORRECT_XAVIER = [
    "  return 1 / Float(fanIn).squareRoot()",
    "  let d = Float(fanIn)\n  return 1.0 / d.squareRoot()",
    "  // Var(w) = 1/Din\n  return (1 / Float(fanIn)).squareRoot()",
    "  let variance: Float = 1 / Float(fanIn)\n  return variance.squareRoot()",
]
CORRECT_KAIMING = [
    "  return (2 / Float(fanIn)).squareRoot()",
    "  let din = Float(fanIn)\n  return (2.0 / din).squareRoot()",
    "  // the factor 2 makes up for ReLU's halving\n  return Float(2).squareRoot() / Float(fanIn).squareRoot()",
    "  let variance = 2 / Float(fanIn)\n  return variance.squareRoot()",
]
WRONG_KAIMING = [
    "  return 1 / Float(fanIn).squareRoot()",  # the slide's bug
    "  return 2 / Float(fanIn)",
]
NOT_COMPILING = [
    "  return (2 / fanIn).squareRoot()",
    "  return sqrt(2 / Float(fanIn)",
    "  retrun (2 / Float(fanIn)).squareRoot()",
]
CRASHING = [
    "  fatalError(\"TODO\")",
    "  let table: [Float] = []\n  return table[fanIn]",
]
LOOPING = [
    "  var s: Float = 0\n  while s >= 0 { s += 1 }\n  return s",
]


def instructor_lab():
    with open(os.path.join(ROOT, "labs", "weight-init.md"), encoding="utf-8") as f:
        text = f.read()
    text = text.replace("---\n", "---\n", 1)
    head, sep, rest = text.partition("\n---\n")
    head = head + "\n" + GRADING.rstrip("\n")
    text = head + sep + rest
    # The solution cell goes right after the helpers cell.
    marker = re.search(r"```swift id=helpers\n.*?\n```\n", text, re.S)
    text = text[: marker.end()] + SOLUTION_CELL + text[marker.end():]
    return text.rstrip("\n") + "\n" + TESTS


def submission(lab, kind, rng, number):
    xavier = rng.choice(CORRECT_XAVIER)
    kaiming = rng.choice(CORRECT_KAIMING)
    answer = rng.choice(["C", "C", "c", "B"])
    if kind == "wrong":
        kaiming = rng.choice(WRONG_KAIMING)
    elif kind == "nocompile":
        kaiming = rng.choice(NOT_COMPILING)
    elif kind == "crash":
        kaiming = rng.choice(CRASHING)
    elif kind == "loop":
        kaiming = rng.choice(LOOPING)
    # A comment unique to the student keeps every program distinct.
    xavier = f"  // student {number:03d}\n" + xavier
    text = lab.replace("  return 1 / Float(fanIn).squareRoot()\n", xavier + "\n", 1)
    text = text.replace("  return (2 / Float(fanIn)).squareRoot()\n", kaiming + "\n", 1)
    text = text.replace("key: C\n", answer + "\n")
    return text


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rng = random.Random(7)
    os.makedirs(os.path.join(out, "lab"), exist_ok=True)
    os.makedirs(os.path.join(out, "submissions"), exist_ok=True)
    lab = instructor_lab()
    with open(os.path.join(out, "lab", "weight-init.md"), "w", encoding="utf-8") as f:
        f.write(lab)
    # 60% correct, 15% partly wrong, 10% not compiling, 10% crashing, 5% looping.
    kinds = (["correct"] * 60 + ["wrong"] * 15 + ["nocompile"] * 10 + ["crash"] * 10
             + ["loop"] * 5)
    kinds = [kinds[i * len(kinds) // count] for i in range(count)]
    rng.shuffle(kinds)
    for number, kind in enumerate(kinds):
        with open(os.path.join(out, "submissions", f"s{number:03d}.md"), "w",
                  encoding="utf-8") as f:
            f.write(submission(lab, kind, rng, number))
    with open(os.path.join(out, "kinds.csv"), "w", encoding="utf-8") as f:
        f.write("student,kind\n")
        for number, kind in enumerate(kinds):
            f.write(f"s{number:03d},{kind}\n")


if __name__ == "__main__":
    main()
