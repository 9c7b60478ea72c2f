/// A field of a setting after its declaration was parsed, with where the value was written.
///
/// Settings are parsed declaration by declaration (each in `Defaults` once, each in a region once),
/// then merged field by field: a region's field, else the one in `Defaults`, else the built-in
/// default. A field that was written but did not parse is ``invalid``: its error is reported where
/// it was written, and checks that need it skip it while every other check still runs.
public enum Parsed<Value: Sendable>: Sendable {
    /// The declaration does not give the field.
    case absent
    /// The declaration gives the field, but it did not parse (already reported).
    case invalid
    /// The parsed value and the declaration that gave it.
    case value(Value, at: SourceLocation)

    /// This field, or `base` when this declaration leaves it out.
    public func or(_ base: Parsed<Value>) -> Parsed<Value> {
        if case .absent = self { base } else { self }
    }

    /// The value, if the field was given and parsed.
    public var value: Value? {
        if case .value(let value, _) = self { value } else { nil }
    }

    /// Where the value was written, if the field was given and parsed.
    public var location: SourceLocation? {
        if case .value(_, let location) = self { location } else { nil }
    }

    /// Whether the field was written but did not parse.
    public var isInvalid: Bool {
        if case .invalid = self { true } else { false }
    }

    /// The value transformed, keeping its location.
    public func map<Other>(_ transform: (Value) -> Other) -> Parsed<Other> {
        switch self {
        case .absent: .absent
        case .invalid: .invalid
        case .value(let value, let location): .value(transform(value), at: location)
        }
    }
}

extension Parsed {
    /// `.value` (at the declaration) when `declaration` is given and `parse` accepts it, `.invalid`
    /// when it is given and `parse` does not (`parse` reports why), `.absent` when it is nil.
    public static func parse<D: Declaration>(_ declaration: D?, _ parse: (D) -> Value?) -> Parsed<Value> {
        guard let declaration else { return .absent }
        guard let value = parse(declaration) else { return .invalid }
        return .value(value, at: declaration.sourceLocation)
    }

    /// The same for one field of a declaration: `.absent` when `field` is nil.
    public static func parse<Field>(_ field: Field?, at location: SourceLocation, _ parse: (Field) -> Value?) -> Parsed<Value> {
        guard let field else { return .absent }
        guard let value = parse(field) else { return .invalid }
        return .value(value, at: location)
    }
}
