/// LabBook's version, shown by `labbook --version` and in every report.
public enum LabBookInfo {
  public static let version = "0.1.0"
}
