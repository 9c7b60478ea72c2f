/// A YAML document as RegionMesh writes it: mappings with string keys in the order they were
/// encoded, sequences, and scalars whose style is already decided (``YAMLScalarStyle``).
///
/// Smaller than Yams' `Node` (no tag objects, marks or anchors, which RegionMesh never writes), so
/// building and walking the tree of a large values file costs less than writing it.
indirect enum YAMLValue: Sendable {
    case scalar(String, YAMLScalarStyle.Style)
    case mapping([(key: String, value: YAMLValue)])
    case sequence([YAMLValue])

    /// `null` (written plain).
    static let null = YAMLValue.scalar("null", .any)
}
