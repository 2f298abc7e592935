/// LabKit: the numeric library lab cells import.
public enum LabKitInfo {
  /// LabKit's version, semantic versioning.
  public static let version = "0.1.0"
}
