import PropertyBased

/// Arbitrary text for the parsers' property tests: wholly random strings over an alphabet of the
/// characters the parsers treat specially (and some they must refuse), and valid examples with a
/// few random edits, which reach the corners of a grammar that random text rarely does. Failures
/// shrink by dropping characters.
enum TextGen {
    /// Digits, letters, the punctuation of addresses, quantities, versions and size names, spaces,
    /// control characters and non-ASCII letters, digits and marks.
    static let alphabet: [Character] =
        Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./-+_*:$@# eEiIkKmMgGvV")
        + ["\t", "\n", "\r\n", "\u{0}", "\u{1}", "é", "ß", "İ", "\u{212A}", "١", "٣", "½", "²", "\u{301}", "🙂", "Ｇ"]

    /// Random strings of `length` characters of ``alphabet``.
    static func random(length: ClosedRange<Int> = 0...24) -> Generator<String, Shrink.None<String>> {
        Generator { rng in
            let count = Int.random(in: length, using: &rng)
            return String((0..<count).map { _ in alphabet.randomElement(using: &rng)! })
        }
    }

    /// One of `examples` with up to `edits` random insertions, deletions and replacements.
    static func near(_ examples: [String], edits: ClosedRange<Int> = 0...3) -> Generator<String, Shrink.None<String>> {
        Generator { rng in
            var text = Array(examples.randomElement(using: &rng)!)
            for _ in 0..<Int.random(in: edits, using: &rng) {
                let character = alphabet.randomElement(using: &rng)!
                switch Int.random(in: 0...2, using: &rng) {
                case 0: text.insert(character, at: Int.random(in: 0...text.count, using: &rng))
                case 1 where !text.isEmpty: text.remove(at: Int.random(in: 0..<text.count, using: &rng))
                case _ where !text.isEmpty: text[Int.random(in: 0..<text.count, using: &rng)] = character
                default: text.append(character)
                }
            }
            return String(text)
        }
    }

    /// Half random strings, half edited examples; a failure shrinks by dropping characters.
    static func strings(near examples: [String], length: ClosedRange<Int> = 0...24) -> Generator<String, AnySequence<String>> {
        let random = random(length: length), near = near(examples)
        return Generator(
            run: { rng in Bool.random(using: &rng) ? random.run(using: &rng) : near.run(using: &rng) },
            shrink: { text in
                let characters = Array(text)
                return AnySequence(characters.indices.lazy.map { index in
                    var shorter = characters
                    shorter.remove(at: index)
                    return String(shorter)
                })
            })
    }
}

/// Reference grammars, written here without the library: what each parser must accept.
enum Reference {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isLower(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) }
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || isLower(scalar) || isUpper(scalar) }

    /// A decimal number without a leading zero, at most `maxDigits` long, at most `max`.
    static func number(_ text: Substring.UnicodeScalarView, maxDigits: Int, max: Int) -> Int? {
        guard !text.isEmpty, text.count <= maxDigits, text.allSatisfy(isDigit), text.count == 1 || text.first != "0" else { return nil }
        let value = text.reduce(0) { $0 * 10 + Int($1.value - 48) }
        return value <= max ? value : nil
    }

    /// `a.b.c.d/n` with canonical numbers and no host bits, after trimming spaces: the network's
    /// address and prefix length.
    static func cidr(_ text: String) -> (UInt32, Int)? {
        var scalars = Substring(text).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        let halves = scalars.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let octets = halves[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var address: UInt32 = 0
        for octet in octets {
            guard let value = number(Substring.UnicodeScalarView(octet), maxDigits: 3, max: 255) else { return nil }
            address = address << 8 | UInt32(value)
        }
        guard let length = number(Substring.UnicodeScalarView(halves[1]), maxDigits: 2, max: 32) else { return nil }
        let hostBits: UInt32 = length == 32 ? 0 : UInt32.max >> UInt32(length)
        return address & hostBits == 0 ? (address, length) : nil
    }

    /// The trimmed text of a CIDR block.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// Kubernetes' quantity grammar (`resource.ParseQuantity`), ASCII only; `longExponent` when
    /// the exponent has more than three digits (the library refuses those as absurd).
    static func quantity(_ text: String) -> (valid: Bool, longExponent: Bool) {
        var rest = Substring(text).unicodeScalars
        if let first = rest.first, first == "+" || first == "-" { rest.removeFirst() }
        let whole = rest.prefix(while: isDigit)
        rest.removeFirst(whole.count)
        var fraction = Substring.UnicodeScalarView()
        if rest.first == "." {
            rest.removeFirst()
            fraction = rest.prefix(while: isDigit)
            rest.removeFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return (false, false) }
        let suffix = String(rest)
        if ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "m", "k", "M", "G", "T", "P", "E"].contains(suffix) { return (true, false) }
        guard let marker = rest.first, marker == "e" || marker == "E" else { return (false, false) }
        rest.removeFirst()
        if let sign = rest.first, sign == "+" || sign == "-" { rest.removeFirst() }
        guard !rest.isEmpty, rest.allSatisfy(isDigit) else { return (false, false) }
        return (true, rest.count > 3)
    }

    /// `[v]MAJOR.MINOR.PATCH[(-|+)IDENTIFIER(.IDENTIFIER)*]`: numbers of one to six digits without a
    /// leading zero (SemVer's; `0` itself is a number), and
    /// identifiers of ASCII letters, digits and '-' (SemVer's), so the text can be an image tag and a label value.
    static func version(_ text: String, requireV: Bool) -> Bool {
        var rest = Substring(text).unicodeScalars
        if rest.first == "v" { rest.removeFirst() } else if requireV { return false }
        let core = rest.prefix { $0 != "-" && $0 != "+" }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ (1...6).contains($0.count) && $0.allSatisfy(isDigit) && ($0.count == 1 || $0.first != "0") }) else { return false }
        let suffix = rest.dropFirst(core.count)
        guard !suffix.isEmpty else { return true }
        let identifiers = suffix.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return identifiers.allSatisfy { !$0.isEmpty && $0.allSatisfy { isAlphanumeric($0) || $0 == "-" } }
    }

    /// A DNS-1123 label: 1–63 of a–z, 0–9 and '-', starting and ending with a letter or digit.
    static func dnsLabel(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (1...63).contains(scalars.count), scalars.allSatisfy({ isLower($0) || isDigit($0) || $0 == "-" }) else { return false }
        return scalars.first != "-" && scalars.last != "-"
    }

    /// `Standard_<FAMILY><vCPUs>[-<vCPUs>][<features>](_<part>)*`: Azure's size names.
    static func vmSize(_ text: String) -> Bool {
        var rest = Substring(text).unicodeScalars
        guard String(rest).hasPrefix("Standard_") else { return false }
        rest.removeFirst("Standard_".count)
        let family = rest.prefix(while: isUpper)
        guard !family.isEmpty else { return false }
        rest.removeFirst(family.count)
        let cpus = rest.prefix(while: isDigit)
        guard !cpus.isEmpty else { return false }
        rest.removeFirst(cpus.count)
        if rest.first == "-" {
            rest.removeFirst()
            let constrained = rest.prefix(while: isDigit)
            guard !constrained.isEmpty else { return false }
            rest.removeFirst(constrained.count)
        }
        rest.removeFirst(rest.prefix(while: isLower).count)
        guard !rest.isEmpty else { return true }
        guard rest.first == "_" else { return false }
        return rest.dropFirst().split(separator: "_", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0.allSatisfy(isAlphanumeric) }
    }

    /// Whether the Azure CLI refuses `name` as a Linux admin user (azure-cli's
    /// `_validate_admin_username`): empty or longer than 64, a reserved name, A–Z or one of
    /// `\/"[]:|<>+=;,?*@#()!`, or a leading '$' or '-'.
    static func azureRefusesAdminUser(_ name: String) -> Bool {
        let reserved: Set<String> = [
            "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm",
            "admin2", "aspnet", "backup", "console", "guest", "owner", "root", "server", "sql", "support", "support_388945a0", "sys",
            "test2", "test3", "user4", "user5",
        ]
        let scalars = name.unicodeScalars
        if scalars.isEmpty || name.count > 64 || reserved.contains(name.lowercased()) { return true }
        if scalars.contains(where: { isUpper($0) || "\\/\"[]:|<>+=;,?*@#()!".unicodeScalars.contains($0) }) { return true }
        return scalars.first == "$" || scalars.first == "-"
    }
}
