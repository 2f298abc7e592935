// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "LabBook",
  products: [
    // Dynamic, so that the Swift programs generated from labs can link it.
    .library(name: "LabKit", type: .dynamic, targets: ["LabKit"]),
    .library(name: "Plot", targets: ["Plot"]),
    .library(name: "LabBookCore", targets: ["LabBook"]),
    .executable(name: "labbook", targets: ["labbook"]),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark", path: "Sources/CCmark",
      providers: [.apt(["libcmark-dev"])]),
    .systemLibrary(
      name: "CBLAS", path: "Sources/CBLAS",
      providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML",
      providers: [.apt(["libyaml-dev"])]),
    // LabKit's own C: vector kernels chosen per processor at run time (see
    // LabKitKernels.h). Its module map sits beside the header, as the
    // shims' do, so the engine finds it the same way.
    .target(name: "CLabKitKernels", path: "Sources/CLabKitKernels", publicHeadersPath: "."),
    .target(name: "LabKit", dependencies: ["CBLAS", "CLabKitKernels"]),
    .target(name: "Plot"),
    .target(name: "LabBook", dependencies: ["CCmark", "CYAML", "Plot"]),
    .executableTarget(name: "labbook", dependencies: ["LabBook"]),
    .executableTarget(
      name: "labkit-bench", dependencies: ["LabKit"], path: "Benchmarks/LabKitBench"),
    .testTarget(name: "LabKitTests", dependencies: ["LabKit"]),
    // Goldens are read and re-recorded in place via #filePath, not copied as resources.
    .testTarget(name: "PlotTests", dependencies: ["Plot"], exclude: ["Golden"]),
    .testTarget(
      name: "LabBookTests", dependencies: ["LabBook"],
      exclude: ["Fixtures/Report", "Fixtures/Engine"]),
    .testTarget(name: "labbookTests", dependencies: ["LabBook"]),
  ]
)
