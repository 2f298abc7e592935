#!/usr/bin/env python3
"""Writes the grading benchmark: labs/weight-init.md (its `kaimingStd`
solution region, its visible and hidden tests, its choice answer) with
`grading:` settings for smaller sizes, and N generated student submissions of
it (correct, partly wrong, not compiling, crashing, looping).

    generate.py OUT [N]   ->  OUT/lab/weight-init.md, OUT/submissions/sNNN.md

Submissions vary their text (names, comments, spacing) so that no two
programs are identical and the grader's compile cache cannot serve them.
"""
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

GRADING = """grading:
  params.width: 256
  test-timeout: 2
  timeout: 60
"""

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
    head, sep, rest = text.partition("\n---\n")
    return head + "\n" + GRADING.rstrip("\n") + sep + rest


SOLUTION = "  return (2 / Float(fanIn)).squareRoot()\n"


def submission(lab, kind, rng, number):
    kaiming = rng.choice(CORRECT_KAIMING)
    answer = rng.choice(["B", "B", "b", "C"])
    if kind == "wrong":
        kaiming = rng.choice(WRONG_KAIMING)
    elif kind == "nocompile":
        kaiming = rng.choice(NOT_COMPILING)
    elif kind == "crash":
        kaiming = rng.choice(CRASHING)
    elif kind == "loop":
        kaiming = rng.choice(LOOPING)
    # A comment unique to the student keeps every program distinct.
    kaiming = f"  // student {number:03d}\n" + kaiming
    assert lab.count(SOLUTION) == 1, "labs/weight-init.md changed its kaimingStd solution"
    text = lab.replace(SOLUTION, kaiming + "\n")
    return text.replace("key: B\n", answer + "\n")


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
