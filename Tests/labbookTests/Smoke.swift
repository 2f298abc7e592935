import Testing

@testable import LabBook

@Test func moduleLoads() {
  #expect(Bool(true))
}
