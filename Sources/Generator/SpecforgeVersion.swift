/// The version `specforge --version` prints; the build-tool plugin and the generation cache
/// rely on the binary itself, not on this string.
public enum SpecforgeVersion {
    public static let current = "0.6.0"
}
