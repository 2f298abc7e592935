import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Where the pieces a lab program is built with live: the Swift compiler,
/// LabKit's library and module, and the C module maps LabKit depends on.
public struct Toolchain: Sendable, Equatable {
  /// The `swiftc` to compile lab programs with.
  public var swiftc: String
  /// The folder holding `libLabKit.so` (passed as `-L` and as the rpath).
  public var libraryDirectory: String
  /// The folder holding `LabKit.swiftmodule` (passed as `-I`).
  public var moduleDirectory: String
  /// Folders holding the C shims' `module.modulemap` (each passed as `-I`).
  public var includeDirectories: [String]

  /// A toolchain from known paths, e.g. for tests or packagers.
  public init(
    swiftc: String, libraryDirectory: String, moduleDirectory: String,
    includeDirectories: [String]
  ) {
    self.swiftc = swiftc
    self.libraryDirectory = libraryDirectory
    self.moduleDirectory = moduleDirectory
    self.includeDirectories = includeDirectories
  }

  /// Finds the toolchain for the running program.
  ///
  /// - `swiftc`: `$LABBOOK_SWIFTC`, else `swiftc` on `PATH`, else the
  ///   `bin/swiftc` of the toolchain whose Swift runtime this process uses.
  /// - LabKit: `$LABBOOK_LIBDIR`, else the running executable's folder (a
  ///   SwiftPM build folder such as `.build/release`, module in `Modules/`),
  ///   else `../lib/labbook` beside it (after `make install`).
  /// - C shims: `$LABBOOK_SHIMS`, else `Sources/` of the package the
  ///   executable was built in, else `../share/labbook/shims`.
  ///
  /// Throws `EngineError` saying how to fix whichever piece is missing.
  public static func locate() throws -> Toolchain {
    try locate(executable: currentExecutable(), environment: ProcessInfo.processInfo.environment)
  }

  static func locate(
    executable: String, environment: [String: String]
  ) throws(EngineError) -> Toolchain {
    let folder = (executable as NSString).deletingLastPathComponent
    let swiftc = try findCompiler(environment)

    var libraryCandidates = [folder, folder + "/../lib/labbook"]
    if let override = environment["LABBOOK_LIBDIR"] { libraryCandidates = [override] }
    var library: (String, String)?
    for candidate in libraryCandidates {
      let path = standardized(candidate)
      guard isFile(path + "/libLabKit.so") else { continue }
      // SwiftPM keeps modules in `Modules/`; `make install` puts it beside.
      if let modules = [path + "/Modules", path].first(where: {
        exists($0 + "/LabKit.swiftmodule")
      }) {
        library = (path, modules)
        break
      }
    }
    guard let library else {
      throw .labKitNotFound(searched: libraryCandidates.map(standardized))
    }

    var shimCandidates: [String] = []
    if let override = environment["LABBOOK_SHIMS"] {
      shimCandidates = [override]
    } else {
      var ancestor = folder
      for _ in 0..<6 {
        shimCandidates.append(ancestor + "/Sources")
        ancestor = (ancestor as NSString).deletingLastPathComponent
      }
      shimCandidates.append(folder + "/../share/labbook/shims")
    }
    guard
      let shimRoot = shimCandidates.map(standardized).first(where: {
        isFile($0 + "/CBLAS/module.modulemap")
      })
    else {
      throw .shimsNotFound(searched: Array(Set(shimCandidates.map(standardized))).sorted())
    }
    let shims = ((try? FileManager.default.contentsOfDirectory(atPath: shimRoot)) ?? [])
      .sorted()
      .map { shimRoot + "/" + $0 }
      .filter { isFile($0 + "/module.modulemap") }

    return Toolchain(
      swiftc: swiftc, libraryDirectory: library.0, moduleDirectory: library.1,
      includeDirectories: shims)
  }

  /// The arguments that compile `source` into `output` against LabKit:
  /// Swift 5 mode (top-level variables readable from plain functions), no
  /// optimisation (compiles fast; labs' heavy lifting is in LabKit), debug
  /// info so a crash's backtrace names the lab's lines.
  func compileArguments(source: String, output: String) -> [String] {
    var arguments = [
      "-swift-version", "5", "-Onone", "-g", "-module-name", "LabProgram", "-I", moduleDirectory,
    ]
    for folder in includeDirectories { arguments += ["-I", folder] }
    arguments += [
      "-L", libraryDirectory, "-lLabKit", "-Xlinker", "-rpath", "-Xlinker", libraryDirectory,
      source, "-o", output,
    ]
    return arguments
  }

  /// `libLabKit.so`'s size and modification time: changes with each build.
  var labKitStamp: String {
    let path = libraryDirectory + "/libLabKit.so"
    let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(date)"
  }

  private static func findCompiler(_ environment: [String: String]) throws(EngineError) -> String {
    var searched: [String] = []
    if let path = environment["LABBOOK_SWIFTC"] {
      if isExecutable(path) { return path }
      throw .compilerNotFound(searched: ["LABBOOK_SWIFTC=\(path)"])
    }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(folder)/swiftc"
      if isExecutable(path) { return path }
    }
    searched.append("PATH")
    if let runtime = swiftRuntimeFolder() {
      // <toolchain>/usr/lib/swift/linux/libswiftCore.so → <toolchain>/usr/bin/swiftc
      let path = standardized(runtime + "/../../../bin/swiftc")
      if isExecutable(path) { return path }
      searched.append(path)
    }
    throw .compilerNotFound(searched: searched)
  }

  /// The folder of the `libswiftCore.so` this process loaded, read from
  /// `/proc/self/maps` (glibc's `dladdr` is not visible from Swift).
  private static func swiftRuntimeFolder() -> String? {
    guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else {
      return nil
    }
    for line in maps.split(separator: "\n") where line.hasSuffix("/libswiftCore.so") {
      guard let slash = line.firstIndex(of: "/") else { continue }
      return (String(line[slash...]) as NSString).deletingLastPathComponent
    }
    return nil
  }

  /// `/proc/self/exe` resolved, else `CommandLine.arguments[0]`.
  static func currentExecutable() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
    return standardized(CommandLine.arguments[0])
  }

  private static func standardized(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (absolute as NSString).standardizingPath
  }

  private static func isExecutable(_ path: String) -> Bool {
    isFile(path) && access(path, X_OK) == 0
  }

  private static func isFile(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && !folder.boolValue
  }

  private static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }
}
