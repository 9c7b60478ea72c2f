// libyaml as Yams builds and ships it. Yams' own `Emitter` takes its `Node` tree; this drives the
// same C emitter with events straight from a ``YAMLValue``, so each scalar is handed over without
// copying it into a C string or resolving a tag first.
import CYaml

/// Writes a ``YAMLValue`` as one YAML document with libyaml: block style, two-space indentation,
/// no line wrapping, Unicode unescaped, `\n` line breaks, no `---` or `...` markers: the options
/// RegionMesh has always passed to Yams, and the same bytes.
enum LibYAMLEmitter {
    /// The bytes of `prefix` followed by the YAML text of `value`.
    static func bytes(of value: YAMLValue, after prefix: String) throws -> [UInt8] {
        let session = try Session(output: Array(prefix.utf8))
        try session.emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        try session.emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
        try session.write(value)
        try session.emit { yaml_document_end_event_initialize(&$0, 1) }
        try session.emit { yaml_stream_end_event_initialize(&$0) }
        return session.output
    }

    /// One libyaml emitter and the bytes it wrote.
    private final class Session {
        private let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        fileprivate var output: [UInt8]

        init(output: [UInt8]) throws {
            self.output = output
            // On failure libyaml leaves the emitter empty; deinit (which runs, every property being
            // set) deletes and frees it.
            guard yaml_emitter_initialize(emitter) == 1 else { throw GeneratorError("libyaml could not start an emitter (out of memory)") }
            yaml_emitter_set_output(emitter, { context, buffer, size in
                guard let context, let buffer else { return 0 }
                Unmanaged<Session>.fromOpaque(context).takeUnretainedValue().output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(self).toOpaque())
            yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
            yaml_emitter_set_indent(emitter, 2)
            yaml_emitter_set_width(emitter, -1)
            yaml_emitter_set_unicode(emitter, 1)
            yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        }

        deinit {
            yaml_emitter_delete(emitter)
            emitter.deallocate()
        }

        /// Emits the event `initialize` fills in. libyaml takes the event over, freeing it when written.
        func emit(_ initialize: (inout yaml_event_t) -> Int32) throws {
            var event = yaml_event_t()
            guard initialize(&event) == 1 else { throw GeneratorError("libyaml refused an event (out of memory)") }
            guard yaml_emitter_emit(emitter, &event) == 1 else {
                let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
                throw GeneratorError("libyaml could not write YAML: \(problem)")
            }
        }

        /// Emits `value`; tags are implicit, so none is written, as with Yams' default tags.
        func write(_ value: YAMLValue) throws {
            switch value {
            case .scalar(let text, let style):
                try scalar(text, style)
            case .mapping(let pairs):
                try emit { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_ANY_MAPPING_STYLE) }
                for pair in pairs {
                    try scalar(pair.key, .any)
                    try write(pair.value)
                }
                try emit { yaml_mapping_end_event_initialize(&$0) }
            case .sequence(let items):
                try emit { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_ANY_SEQUENCE_STYLE) }
                for item in items { try write(item) }
                try emit { yaml_sequence_end_event_initialize(&$0) }
            }
        }

        private func scalar(_ text: String, _ style: YAMLScalarStyle.Style) throws {
            var text = text
            try text.withUTF8 { bytes in
                try emit { event in
                    // libyaml copies the bytes; an empty string still needs an address.
                    withUnsafeBytes(of: 0 as UInt8) { empty in
                        let start = bytes.baseAddress ?? empty.baseAddress!.assumingMemoryBound(to: UInt8.self)
                        return yaml_scalar_event_initialize(&event, nil, nil, UnsafeMutablePointer(mutating: start), Int32(bytes.count), 1, 1, style.libyaml)
                    }
                }
            }
        }
    }
}
