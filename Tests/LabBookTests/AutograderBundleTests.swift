import Foundation
import Testing

@testable import LabBook

@Suite struct AutograderBundleTests {
  /// This package's folder, which the bundle snapshots.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// A lab with one data file, in a fresh folder.
  func lab(data: String) throws -> (folder: String, path: String) {
    let folder = NSTemporaryDirectory() + "labbook-bundle-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/data", withIntermediateDirectories: true)
    try "x,y\n1,2\n".write(toFile: folder + "/data/points.csv", atomically: true, encoding: .utf8)
    let path = folder + "/tiny.md"
    let text = "---\ntitle: Tiny lab\ndata:\n  - \(data)\n---\n\n```swift\nprint(1)\n```\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (folder, path)
  }

  @Test func zipHoldsScriptsLabDataAndSourcesButNotTheCourseLabs() throws {
    let (folder, path) = try lab(data: "data/points.csv")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let bundle = AutograderBundle(
      labPath: path, document: try LabDocument.read(path: path), packageRoot: Self.packageRoot)
    let entries = try bundle.archive().entries
    let names = entries.map(\.path)
    #expect(Array(names.prefix(3)) == ["setup.sh", "run_autograder", "README.md"])
    #expect(entries.prefix(2).allSatisfy { $0.mode == 0o100755 })
    #expect(names.contains("lab/tiny.md"))
    #expect(entries.first { $0.path == "lab/data/points.csv" }?.data == Data("x,y\n1,2\n".utf8))
    #expect(names.contains("labbook/Package.swift"))
    #expect(names.contains("labbook/Sources/LabBook/Autograder/ZipArchive.swift"))
    #expect(!names.contains { $0.hasPrefix("labbook/labs/") || $0.contains("/.build/") })

    let scripts = entries.prefix(3).map { String(decoding: $0.data, as: UTF8.self) }
    #expect(scripts.allSatisfy { !$0.contains("@LAB_") && !$0.contains("@LABBOOK_") })
    #expect(scripts[1].contains("/source/lab/tiny.md"))
    #expect(scripts[2].contains("\"Tiny lab\""))
    #expect(scripts[0].contains("SWIFT_SHA256=\"FILL-ME-IN\""))
  }

  @Test func checksumGivenAtExportIsWrittenIntoSetup() throws {
    let (folder, path) = try lab(data: "data/points.csv")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let hex = String(repeating: "ab", count: 32)
    let bundle = AutograderBundle(
      labPath: path, document: try LabDocument.read(path: path), packageRoot: Self.packageRoot,
      swiftSHA256: hex)
    let setup = try #require(try bundle.archive().entries.first)
    #expect(String(decoding: setup.data, as: UTF8.self).contains("SWIFT_SHA256=\"\(hex)\""))
    #expect(AutograderBundle.isValidSHA256("skip"))
    #expect(!AutograderBundle.isValidSHA256(String(hex.dropLast())))
    #expect(!AutograderBundle.isValidSHA256(String(repeating: "g", count: 64)))
  }

  @Test func dataPathOutsideTheLabFolderIsRefused() throws {
    let (folder, path) = try lab(data: "../points.csv")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let bundle = AutograderBundle(
      labPath: path, document: try LabDocument.read(path: path), packageRoot: Self.packageRoot)
    #expect(throws: AutograderError.self) { try bundle.archive() }
  }
}
