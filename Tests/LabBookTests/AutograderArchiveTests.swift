import Foundation
import Testing

@testable import LabBook

@Suite struct AutograderArchiveTests {
  @Test func crc32MatchesThePublishedCheckValue() {
    // The CRC-32 catalogue's check value for the ASCII digits 1 to 9.
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  @Test func zipReadsBackWithPythonsZipfileWithModesAndBytes() throws {
    var zip = ZipArchive()
    let binary = Data((0..<300).map { UInt8($0 % 256) })
    zip.add("run_autograder", Data("#!/bin/sh\necho hi\n".utf8), executable: true)
    zip.add("lab/data/bytes.bin", binary)
    zip.add("lab/é.md", Data("# café\n".utf8))
    let path = NSTemporaryDirectory() + "labbook-zip-\(UUID().uuidString).zip"
    defer { unlink(path) }
    try zip.data().write(to: URL(fileURLWithPath: path))

    // Python lists name, octal mode and SHA-256 of each entry, after its CRC test.
    let script = """
      import hashlib, sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as z:
          assert z.testzip() is None
          for i in z.infolist():
              print(i.filename, oct(i.external_attr >> 16), hashlib.sha256(z.read(i)).hexdigest())
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    func digest(_ data: Data) -> String {
      var hash = SHA256()
      hash.update(data)
      return hash.hexDigest()
    }
    let lines = output.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "run_autograder 0o100755 " + digest(Data("#!/bin/sh\necho hi\n".utf8)),
        "lab/data/bytes.bin 0o100644 " + digest(binary),
        "lab/é.md 0o100644 " + digest(Data("# café\n".utf8)),
      ])
  }

  @Test func zipIsTheSameBytesEachTime() throws {
    func make() throws -> Data {
      var zip = ZipArchive()
      zip.add("a.txt", Data("a".utf8))
      return try zip.data()
    }
    #expect(try make() == make())
  }
}
