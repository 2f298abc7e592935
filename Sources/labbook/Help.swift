import LabBook

/// The help texts, one per command.
enum Help {
  static let overview = """
    labbook \(LabBookInfo.version): run deep-learning labs written as Markdown

    Usage: labbook <command> [options]

    Commands:
      run LAB         run a lab and write its HTML report and JSON results
      list            list the labs that can be run by name
      handout LAB     write the student's files: starter .md, printable HTML, PDF
      check LAB       check a lab before release: tests pass, stubs score zero,
                      nothing secret leaks into the student's files
      grade LAB SUB…  grade students' submissions of a lab
      autograder LAB  export a lab as a Gradescope autograder zip
      gradebook merge join the gradebooks of sharded grading runs

    Options:
      -h, --help      show help (also: labbook help <command>)
      --version       show LabBook's version

    LAB is a lab's NAME or PATH. A lab is found by name (for run, first as
    NAME.md in the current folder) in ./labs, then in each folder of
    $LABBOOK_PATH, then among the labs installed with LabBook: NAME.md, or
    NAME/NAME.md for a lab kept in a folder. A PATH is a .md file or such a
    folder. See docs/cli.md.
    """

  static let run = """
    Usage: labbook run NAME|PATH [-o DIR] [--seed N] [--set KEY=VALUE]... [--fresh]
                   [--timings]

    Runs a lab's Swift cells in order and writes DIR/NAME.html (the report) and
    DIR/NAME.json (every output, figure and recorded value). Prints the report's
    path on stdout; progress and diagnostics go to stderr. NAME is looked up as
    labs/NAME.md or labs/NAME/NAME.md (see `labbook help`); PATH is a .md file,
    or a folder holding the .md file named after it.

    Cells run top to bottom: using a variable that only a later cell declares
    is an error, reported before anything compiles. A crash is reported at
    the lab's line, with Swift's message (`Fatal error: Index out of range`)
    or, when it printed none, the signal's likely cause (`crashed (SIGSEGV):
    memory fault — often a stack overflow from unbounded recursion`).

    Options:
      -o, --output DIR     where to write the report (default: out)
      --seed N             seed for the lab's random numbers (default: the lab's
                           front matter `seed`, else 0)
      --set KEY=VALUE      override a parameter from the front matter's `params`;
                           repeatable; the value must fit the default's type
                           (a boolean takes only true or false); {{KEY}} in
                           the prose shows the value set
      --fresh              ignore cached results and run everything again
      --timings            print how long reading, compiling, running and
                           rendering took (stderr)
      -h, --help           show this help

    A report is never replaced by another lab file's of the same name (say
    labs/x.md and handouts/x/x.md): run refuses, naming both; pass -o DIR, or
    delete DIR/NAME.html. Results are cached in DIR/.labbook/ (safe to
    delete): an unchanged lab is only re-rendered. Exit status: 0 when every
    cell ran and every check passed, 1 when a cell failed, a check failed, the
    lab did not compile or the report belongs to another lab file, 64 for a
    wrong command line or an unknown lab.
    """

  static let list = """
    Usage: labbook list

    Lists the labs that `labbook run NAME` finds (NAME.md, or NAME/NAME.md for a
    lab kept in a folder): name, title, number of cells and file, one per line,
    tab-separated on stdout.
    """

  static let handout = """
    Usage: labbook handout NAME|PATH [-o DIR] [--no-pdf] [--set KEY=VALUE]... [--fresh]

    Writes the student's files for a lab into DIR/NAME/ and prints their paths:
      NAME.md     the starter lab: each solution region's body replaced by a stub
                  that compiles and stops with "Not implemented", hidden tests,
                  answer keys, `instructor` cells and <!-- instructor --> prose
                  left out, visible tests kept
      NAME.html   a printable handout: prose, starter code, visible tests, answer
                  boxes, and the reference figures when the lab's front matter
                  says `handout: {figures: true}` (the lab is then run, cached
                  in out/.labbook/)
      NAME.pdf    the handout printed by headless Chromium, when it is installed
                  ($LABBOOK_CHROMIUM chooses the browser)
    and copies the files the front matter lists under `data:`.

    Options:
      -o, --output DIR   where to write (default: handouts)
      --no-pdf           do not print the PDF
      --set KEY=VALUE    a parameter for the run that draws the figures
      --fresh            run the lab again for the figures, ignoring the cache
      -h, --help         show this help

    Run `labbook check NAME` before handing the files out. Exit status: 0 when
    written, 1 when the lab's markers are wrong or a file cannot be written,
    64 for a wrong command line. See docs/handouts.md.
    """

  static let check = """
    Usage: labbook check NAME|PATH [-o DIR] [--set KEY=VALUE]... [--fresh]

    Checks that a lab is ready to hand out, and lists every problem found, at
    the lines of the lab itself:
      - `labbook grade` would accept the lab (grading settings, solution
        markers, needs= ids, grading params), no cell uses a name a test
        cell declares (test declarations are local when graded), and the lab
        reads without a warning (e.g. a misspelt attribute such as `hiden`);
      - the instructor's lab runs cleanly with full marks on every test, each
        test cell records a check, each answer block has a key, and every
        {{name}} in the prose is a value the run records or a parameter (only
        a parameter when the handout has no figures: nothing else shows
        there); and again with the lab's grading params (grading:
        params.NAME), as grade runs it;
      - graded as `labbook grade` grades it, the instructor's solutions earn
        full marks, and the lab with every solution stubbed (an empty
        submission, hidden tests included) compiles and scores zero; with
        several solution regions, leaving out any one of them costs points;
      - the student's .md compiles and stops at a stub's "Not implemented";
      - no student file (made afresh, plus those already in DIR/NAME/) holds a
        solution line, a hidden test, an answer key or instructor-only text.

    Options:
      -o, --output DIR   where released handouts are (default: handouts)
      --set KEY=VALUE    run every version with this parameter (e.g. a smaller
                         width for a quick check; wins over a grading
                         param); repeatable
      --fresh            ignore cached runs in out/.labbook/
      -h, --help         show this help

    Prints "ok: …" on stdout when all is well. Exit status: 0 when ready, 1 when
    a problem was found, 64 for a wrong command line. See docs/handouts.md.
    """

  static let grade = """
    Usage: labbook grade NAME|PATH SUBMISSION... [-o DIR] [-j N] [--shard K/N]

    Grades students' copies of a lab: only their solution regions and answers
    are taken; every other cell and every test is the lab's. Each submission
    is compiled and run in a sandbox (limits from the lab's `grading:` front
    matter). A SUBMISSION is a .md file (student id: its name), a folder
    holding one .md file (id: the folder's name, with a note saying so; pass
    the file itself to grade it under its own name), or a folder of those.
    A crash, or a cell or test stopped for time (asked for a backtrace
    first), is reported at the student's file.md:line:col and blamed on the
    solution region it happened in; when the place is not known, on the
    whole cell.

    Writes DIR/students/ID/{feedback.html,result.json,results.json} and
    DIR/grades.csv and DIR/canvas.csv; prints the path of grades.csv.
    Rerun after an interruption: finished students are not graded again.

    Options:
      -o, --output DIR   where to write (default: grades/NAME)
      -j, --jobs N       parallel workers (default: the number of cores)
      --shard K/N        grade only share K of N (by a hash of the student id),
                         for batch systems; also writes DIR/shard.json
                         (default DIR: grades/NAME/shard-K-of-N)
      -h, --help         show this help

    See docs/grading.md and docs/autograder.md.
    """

  static let autograder = """
    Usage: labbook autograder NAME|PATH [-o FILE] [--swift-sha256 HEX|skip]
           labbook autograder NAME|PATH --run [--root DIR]

    Writes a Gradescope autograder for the lab: a zip (default
    NAME-autograder.zip) with setup.sh and run_autograder at its root, the
    lab and its data files, LabBook's sources and a README. Upload it as the
    assignment's autograder; prints the zip's path.

    With --run, grades the one submission in DIR/submission as Gradescope
    does and writes DIR/results/results.json (DIR: --root, else
    $AUTOGRADER_ROOT, else /autograder). The zip's run_autograder calls this.

    Options:
      -o, --output FILE  where to write the zip
      --swift-sha256 HEX the Swift tarball's SHA-256 for setup.sh to check
                         (or skip: its GPG signature only); without it
                         setup.sh stops until you fill it in
      --run              grade a submission instead of exporting
      --root DIR         Gradescope's root folder, with --run
      -h, --help         show this help

    See docs/autograder.md.
    """

  static let gradebook = """
    Usage: labbook gradebook merge DIR... [-o DIR] [--allow-missing]

    Joins the output folders of `labbook grade ... --shard K/N` runs into one
    DIR/grades.csv, DIR/canvas.csv and DIR/students/ID/ (feedback and
    Gradescope results.json). Refuses shards of different labs or rosters
    and a student in two folders; stops when a shard or a student is
    missing unless --allow-missing (then warns). Prints grades.csv's path.

    Options:
      -o, --output DIR   where to write (default: grades/merged)
      --allow-missing    write the gradebooks even when some are missing
      -h, --help         show this help

    See docs/autograder.md.
    """

  static func text(for command: String) -> String? {
    switch command {
    case "grade": grade
    case "autograder": autograder
    case "gradebook": gradebook
    case "run": run
    case "list": list
    case "handout": handout
    case "check": check
    default: nil
    }
  }
}
