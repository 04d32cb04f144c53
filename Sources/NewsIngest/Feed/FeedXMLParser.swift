import CLibXML2
import Foundation

/// Drives libxml2's SAX2 push parser over a feed document and feeds `FeedXMLHandler`.
///
/// Security: the network is off, no DTD is loaded, and entities declared by the document are
/// never expanded: the SAX handler has no entity-declaration callback and its `getEntity`
/// answers only the HTML named references (so `&nbsp;` in a feed still means a space), which
/// makes XXE and "billion laughs" documents inert. Recovery mode keeps what precedes and
/// follows an error.
///
/// Broken documents get a second pass when that helps: a legacy encoding libxml2 cannot
/// convert is re-read as windows-1252, and bare `&` or unknown entity references (which
/// libxml2 drops, taking the text after `&` with them) are escaped first.
enum FeedXMLParser {
    /// Bytes handed to libxml2 per `xmlParseChunk` call.
    private static let chunkSize = 1 << 20

    /// libxml2's global set-up, done once before any thread parses (its documented rule).
    private static let libxml2Ready: Void = xmlInitParser()

    static func parse(_ data: Data, limits: FeedLimits) throws(FeedParseError) -> ParsedFeed {
        _ = libxml2Ready
        var input = XMLInput.prepare(data)
        var outcome = run(input, limits: limits)
        if outcome.errors.encodingFailed, !input.forceUTF8 {
            // A legacy encoding libxml2 could not convert: read the bytes as windows-1252.
            input = XMLInput.windows1252Fallback(data)
            outcome = run(input, limits: limits)
        }
        if outcome.errors.fatal == nil, outcome.errors.brokenReferences,
           let repaired = input.escapingBrokenReferences() {
            outcome = run(repaired, limits: limits)
        }
        return try outcome.feed()
    }

    /// What one pass of libxml2 produced.
    private struct Outcome {
        var handler: FeedXMLHandler
        var errors: ErrorLog

        func feed() throws(FeedParseError) -> ParsedFeed {
            if let fatal = errors.fatal { throw fatal }
            let message = [errors.repair, errors.firstError].compactMap { $0 }.joined(separator: "; ")
            return try handler.result(bozo: errors.count > 0 || errors.repair != nil,
                                      bozoMessage: message.isEmpty ? nil : message)
        }
    }

    /// Errors libxml2 reported during one pass.
    final class ErrorLog {
        var count = 0
        var firstError: String?
        var encodingFailed = false
        /// A bare `&` or an unknown entity reference was dropped.
        var brokenReferences = false
        var fatal: FeedParseError?
        var repair: String?
    }

    /// The state the C callbacks reach through libxml2's user-data pointer.
    ///
    /// Callbacks borrow it without retaining it (`_withUnsafeGuaranteedRef`); the parser
    /// pointer lives in a separately allocated cell so that resetting libxml2's flag on every
    /// event costs no exclusivity check.
    private final class Context {
        let handler: FeedXMLHandler
        let errors = ErrorLog()
        let parserCell = UnsafeMutablePointer<xmlParserCtxtPtr?>.allocate(capacity: 1)
        var entities = HTMLEntityPool()

        init(handler: FeedXMLHandler) {
            self.handler = handler
            parserCell.initialize(to: nil)
        }

        deinit {
            entities.release()
            parserCell.deallocate()
        }

        func stop() {
            if let parser = parserCell.pointee { xmlStopParser(parser) }
        }

        /// Undoes libxml2's "not well-formed" flag, which in recovery mode would make it drop
        /// every later entity reference (even `&amp;`); errors are recorded by `record`.
        @inline(__always) func keepReferences() {
            parserCell.pointee?.pointee.wellFormed = 1
        }

        /// Runs `body` on the context behind libxml2's user-data pointer, without retaining it.
        @inline(__always)
        static func with(_ ctx: UnsafeMutableRawPointer, _ body: (Context) -> Void) {
            Unmanaged<Context>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
        }
    }

    private static func run(_ input: XMLInput, limits: FeedLimits) -> Outcome {
        let context = Context(handler: FeedXMLHandler(limits: limits))
        context.errors.repair = input.repair
        var sax = makeSAXHandler()
        let userData = Unmanaged.passUnretained(context).toOpaque()
        XMLInput.withBytes(input.bytes) { buffer in
            guard let base = buffer.baseAddress else { return }
            let head = min(4, buffer.count)
            guard let parser = base.withMemoryRebound(to: CChar.self, capacity: head, {
                xmlCreatePushParserCtxt(&sax, userData, $0, Int32(head), nil)
            }) else {
                context.errors.fatal = .malformed("the XML parser could not start")
                return
            }
            defer {
                // Element names point into the context's dictionary: use them before freeing it.
                context.handler.closeOpenElements()
                context.parserCell.pointee = nil
                // A DOCTYPE with an internal subset makes libxml2 build a document even for SAX
                // users ("expat compatibility"), which freeing the context does not free.
                if let document = parser.pointee.myDoc {
                    parser.pointee.myDoc = nil
                    xmlFreeDoc(document)
                }
                xmlFreeParserCtxt(parser)
            }
            context.parserCell.pointee = parser
            var options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
                                | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOXINCNODE.rawValue)
            if input.forceUTF8 { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
            xmlCtxtUseOptions(parser, options)
            var offset = head
            repeat {
                let length = min(chunkSize, buffer.count - offset)
                let terminate: Int32 = offset + length >= buffer.count ? 1 : 0
                let status = (base + offset).withMemoryRebound(to: CChar.self, capacity: max(length, 1)) {
                    xmlParseChunk(parser, $0, Int32(length), terminate)
                }
                offset += length
                if context.handler.failure != nil || context.errors.fatal != nil { break }
                if status != 0, parser.pointee.disableSAX != 0 { break }
            } while offset < buffer.count
        }
        if let failure = context.handler.failure { context.errors.fatal = failure }
        return Outcome(handler: context.handler, errors: context.errors)
    }

    // MARK: - SAX handler

    private static func makeSAXHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            Context.with(ctx) { context in
                context.keepReferences()
                if !context.handler.startElement(name: localname, prefix: prefix, uri: uri,
                                                 attributes: attributes, count: Int(attributeCount)) {
                    context.stop()
                }
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Context.with(ctx) { context in
                context.keepReferences()
                context.handler.endElement(named: localname)
            }
        }
        let characters: charactersSAXFunc = { ctx, chars, length in
            guard let ctx, let chars, length > 0 else { return }
            Context.with(ctx) { context in
                context.keepReferences()
                context.handler.characters(chars, count: Int(length))
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.getEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            var entity: UnsafeMutablePointer<xmlEntity>?
            Context.with(ctx) { context in
                let state = context.parserCell.pointee?.pointee.instate
                let inAttribute = state == XML_PARSER_ATTRIBUTE_VALUE || state == XML_PARSER_START_TAG
                entity = context.entities.entity(named: name, inAttribute: inAttribute)
            }
            return entity
        }
        sax.getParameterEntity = { _, _ in nil }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            Context.with(ctx) { FeedXMLParser.record(error.pointee, in: $0) }
        }
        return sax
    }

    private static func record(_ error: xmlError, in context: Context) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let log = context.errors
        log.count += 1
        let code = Int(error.code)
        if code == Int(XML_ERR_TAG_NAME_MISMATCH.rawValue), let actual = error.str2 {
            actual.withMemoryRebound(to: UInt8.self, capacity: 1) { context.handler.noteMismatchedEndTag($0) }
        }
        if error.domain == Int32(XML_FROM_I18N.rawValue) || code == Int(XML_ERR_INVALID_ENCODING.rawValue)
            || code == Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue) || code == Int(XML_I18N_CONV_FAILED.rawValue) {
            log.encodingFailed = true
        }
        if code == Int(XML_ERR_NAME_REQUIRED.rawValue) || code == Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue)
            || code == Int(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue) {
            log.brokenReferences = true
        }
        if code == Int(XML_ERR_INTERNAL_ERROR.rawValue),
           let message = error.message.map({ String(cString: $0) }), message.contains("depth") {
            log.fatal = .tooDeep
            context.stop()
        }
        if log.firstError == nil {
            let message = error.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(code)"
            log.firstError = "line \(error.line): \(message)"
        }
    }
}

/// Entities handed to libxml2 for HTML named references (`&nbsp;`, `&eacute;`).
///
/// In text each is marked as predefined, so libxml2 inlines its text like `&amp;` and never
/// parses or expands it. In attribute values libxml2 would copy only the first byte of a
/// predefined entity, so there it gets an internal entity instead, which libxml2 leaves as
/// the literal reference; `Attributes.value(at:)` decodes it. They live until the parse ends.
struct HTMLEntityPool {
    private struct Key: Hashable {
        var name: String
        var inAttribute: Bool
    }

    private var entities: [Key: UnsafeMutablePointer<xmlEntity>] = [:]

    mutating func entity(named name: UnsafePointer<xmlChar>, inAttribute: Bool) -> UnsafeMutablePointer<xmlEntity>? {
        let key = Key(name: String(cString: name), inAttribute: inAttribute)
        if let existing = entities[key] { return existing }
        guard let value = HTMLEntities.value(forName: key.name) else { return nil }
        let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        entity.pointee.etype = inAttribute ? XML_INTERNAL_GENERAL_ENTITY : XML_INTERNAL_PREDEFINED_ENTITY
        entity.pointee.name = UnsafePointer(xmlStrdup(name))
        entity.pointee.content = xmlCharStrdup(value)
        entity.pointee.length = Int32(value.utf8.count)
        entities[key] = entity
        return entity
    }

    mutating func release() {
        for entity in entities.values {
            herald_xmlFree(UnsafeMutableRawPointer(mutating: entity.pointee.name))
            herald_xmlFree(entity.pointee.content)
            entity.deallocate()
        }
        entities.removeAll()
    }
}
