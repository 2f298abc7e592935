import Foundation
import Testing

@testable import LabBook

@Suite struct AutograderPolicyTests {
  @Test func lateDaysCountEveryStartedDay() {
    let due = Date(timeIntervalSince1970: 1_000_000)
    #expect(LatePolicy.daysLate(submitted: due, due: due) == 0)
    #expect(LatePolicy.daysLate(submitted: due - 5, due: due) == 0)
    #expect(LatePolicy.daysLate(submitted: due + 1, due: due) == 1)
    #expect(LatePolicy.daysLate(submitted: due + 86_400, due: due) == 1)
    #expect(LatePolicy.daysLate(submitted: due + 86_401, due: due) == 2)
  }

  @Test func penaltyIsLinearPerDayAndStopsAtZero() {
    let policy = LatePolicy(penaltyPerDay: 0.1)
    #expect(abs(policy.factor(daysLate: 3) - 0.7) < 1e-12)
    #expect(policy.factor(daysLate: 0) == 1)
    #expect(policy.factor(daysLate: 11) == 0)
  }

  @Test func latePolicyOutsideZeroToOneIsRefusedWithTheValue() {
    #expect(throws: AutograderError.self) {
      try LatePolicy(grading: ["late-penalty-per-day": "10%"], lab: "x.md")
    }
    do {
      _ = try LatePolicy(grading: ["late-penalty-per-day": "1.5"], lab: "x.md")
      Issue.record("1.5 was accepted")
    } catch {
      #expect(error.description.contains("\"1.5\""))
    }
    #expect((try? LatePolicy(grading: [:], lab: "x.md"))?.penaltyPerDay == 0)
  }

  @Test func metadataPrefersAStudentsExtendedDueDate() throws {
    let json = """
      {"created_at": "2018-07-01T14:22:32.365935-07:00",
       "assignment": {"due_date": "2018-06-30T23:00:00.000000-07:00"},
       "users": [{"email": "a@b.edu", "name": "A",
                  "assignment": {"due_date": "2018-07-02T23:00:00.000000-07:00"}}]}
      """
    let metadata = SubmissionMetadata(json: Data(json.utf8))
    // 2018-07-01T21:22:32Z and 2018-07-03T06:00:00Z as Unix times.
    #expect(metadata.submitted?.timeIntervalSince1970 == 1_530_480_152)
    #expect(metadata.due?.timeIntervalSince1970 == 1_530_597_600)
    #expect(metadata.student == "a@b.edu")
  }

  @Test func metadataWithoutDatesOrNotJSONLeavesThemNil() {
    #expect(SubmissionMetadata(json: Data("{}".utf8)) == SubmissionMetadata())
    #expect(SubmissionMetadata(json: Data("not json".utf8)) == SubmissionMetadata())
  }
}
