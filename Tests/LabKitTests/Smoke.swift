import Testing

@testable import LabKit

@Test func moduleLoads() {
  #expect(Bool(true))
}
