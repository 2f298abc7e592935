import Foundation

/// Writes a lab's student files into `DIR/NAME/`: `NAME.md` (the starter
/// lab), `NAME.html` (the printable handout), `NAME.pdf` (printed from the
/// HTML by headless Chromium, when one is found) and copies of the lab's
/// `data:` files at the same relative paths.
public struct HandoutWriter {
  /// What was written, and notes for the user (e.g. why there is no PDF).
  public struct Files: Sendable {
    public var folder: String
    public var markdown: String
    public var html: String
    public var pdf: String?
    public var data: [String]
    public var notes: [String]
  }

  public var handout: Handout
  /// The instructor's run, for reference figures (used only when the lab
  /// allows them).
  public var reference: RunResult?
  public var options: ReportOptions
  /// The Chromium (or Chrome) to print the PDF with; `nil` skips the PDF.
  public var chromium: String?
  /// Seconds Chromium may take to print.
  public var pdfTimeout: Double = 120

  public init(
    handout: Handout, reference: RunResult? = nil, options: ReportOptions = .init(),
    chromium: String? = HandoutWriter.findChromium()
  ) {
    self.handout = handout
    self.reference = reference
    self.options = options
    self.chromium = chromium
  }

  /// `$LABBOOK_CHROMIUM`, else the first of chromium, chromium-browser,
  /// google-chrome on `PATH`; `nil` when none is there.
  public static func findChromium(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    if let chosen = environment["LABBOOK_CHROMIUM"] {
      return chosen.isEmpty ? nil : chosen
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
      {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }

  /// Writes everything into `output/NAME/` and returns what it wrote.
  public func write(into output: String) throws(HandoutError) -> Files {
    let document = handout.document
    let name = HandoutPage.labName(document.path)
    let folder = output + "/" + name
    try makeFolder(folder)

    let student: LabDocument
    do {
      student = try LabDocument.parse(handout.markdown, path: folder + "/" + name + ".md")
    } catch {
      throw .studentLabInvalid(lab: document.path, errors: error)
    }
    var files = Files(
      folder: folder, markdown: folder + "/" + name + ".md",
      html: folder + "/" + name + ".html", pdf: nil, data: [], notes: [])
    try write(Data(handout.markdown.utf8), to: files.markdown)
    let page = HandoutPage(student: student, reference: reference, options: options)
    try write(Data(page.html().utf8), to: files.html)
    if HandoutPage.allowsFigures(document) && reference == nil {
      files.notes.append("no reference run was given, so the handout has no figures")
    }

    files.data = try copyData(into: folder)
    if let chromium {
      let pdf = folder + "/" + name + ".pdf"
      if let problem = printPDF(chromium: chromium, html: files.html, pdf: pdf) {
        files.notes.append("no PDF: \(problem)")
      } else {
        files.pdf = pdf
      }
    } else {
      files.notes.append(
        "no PDF: Chromium was not found (install chromium, or set LABBOOK_CHROMIUM)")
    }
    return files
  }

  /// Copies each `data:` file beside the student lab; a path leaving the
  /// lab's folder (absolute, or with `..`) is copied under its file name.
  private func copyData(into folder: String) throws(HandoutError) -> [String] {
    let document = handout.document
    let labFolder = Engine.labFolder(document.path)
    var copied: [String] = []
    for path in document.frontMatter.data {
      let source = path.hasPrefix("/") ? path : labFolder + "/" + path
      guard let bytes = FileManager.default.contents(atPath: source) else {
        throw .dataFileUnreadable(path: path, lab: document.path)
      }
      let parts = path.split(separator: "/")
      let relative =
        path.hasPrefix("/") || parts.contains("..")
        ? String(parts.last ?? "data") : parts.filter { $0 != "." }.joined(separator: "/")
      let target = folder + "/" + relative
      try makeFolder((target as NSString).deletingLastPathComponent)
      try write(bytes, to: target)
      copied.append(target)
    }
    return copied
  }

  /// Prints `html` to `pdf`; the reason it could not, or `nil` on success.
  private func printPDF(chromium: String, html: String, pdf: String) -> String? {
    let work =
      NSTemporaryDirectory() + "/labbook-pdf-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    guard
      (try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true))
        != nil
    else { return "cannot make a temporary folder \(work)" }
    defer { try? FileManager.default.removeItem(atPath: work) }
    let absolute = URL(fileURLWithPath: html).standardizedFileURL
    let target = URL(fileURLWithPath: pdf).standardizedFileURL.path
    try? FileManager.default.removeItem(atPath: target)
    let child = ChildProcess(
      executable: chromium,
      arguments: [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=\(work)/profile", "--no-pdf-header-footer",
        "--print-to-pdf=\(target)", absolute.absoluteString,
      ],
      environment: ProcessInfo.processInfo.environment, workingDirectory: work,
      stdoutPath: work + "/out", stderrPath: work + "/err")
    let ending: ChildProcess.Ending
    do {
      ending = try child.run(timeout: pdfTimeout)
    } catch {
      return "\(chromium) could not be started: \(error)"
    }
    if ending == .timedOut { return "\(chromium) took longer than \(Int(pdfTimeout)) s" }
    guard FileManager.default.fileExists(atPath: target) else {
      let log = (try? String(contentsOfFile: work + "/err", encoding: .utf8)) ?? ""
      let last = log.split(separator: "\n").suffix(3).joined(separator: "\n    ")
      return "\(chromium) ended (\(ending)) without writing it\n    \(last)"
    }
    return nil
  }

  private func makeFolder(_ path: String) throws(HandoutError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: path, reason: "\(error.localizedDescription)")
    }
  }

  /// Writes through a temporary file and a rename.
  private func write(_ data: Data, to path: String) throws(HandoutError) {
    let temporary = path + ".tmp-\(getpid())"
    do {
      try data.write(to: URL(fileURLWithPath: temporary))
    } catch {
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
    guard rename(temporary, path) == 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
