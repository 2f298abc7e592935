import Testing

@testable import Plot

@Test func moduleLoads() {
  #expect(Bool(true))
}
