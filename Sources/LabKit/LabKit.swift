/// LabKit: the numeric library lab cells import.
public enum LabKitInfo {
  public static let version = "0.1.0"
}
