import EarshotModel

extension EmotionLexicon {
    /// How a found cue is spelled in the result; built only when the caller wants strings.
    enum FoundCue {
        case entry(Int32)
        case negated(negator: Int32, entry: Int32)
        case shouted(start: Int32, end: Int32)
        case marks(String)
        case question(word: Int32)
    }

    protocol CueSink {
        mutating func found(_ emotion: Emotion, _ cue: FoundCue, tables: Tables, bytes: UnsafeBufferPointer<UInt8>)
    }

    struct CueCollector: CueSink {
        var frustration: [String] = []
        var confusion: [String] = []
        var urgency: [String] = []
        var delight: [String] = []

        mutating func found(_ emotion: Emotion, _ cue: FoundCue, tables: Tables, bytes: UnsafeBufferPointer<UInt8>) {
            let text: String
            switch cue {
            case .entry(let entry): text = tables.cues[Int(entry)].text
            case .negated(let negator, let entry): text = tables.displays[Int(negator)] + " " + tables.cues[Int(entry)].text
            case .shouted(let start, let end):
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self)
            case .marks(let marks): text = marks
            case .question(let word): text = tables.displays[Int(word)] + " …?"
            }
            switch emotion {
            case .frustration: frustration.append(text)
            case .confusion: confusion.append(text)
            case .urgency: urgency.append(text)
            case .delight: delight.append(text)
            }
        }

        var result: [Emotion: [String]] {
            var result: [Emotion: [String]] = [:]
            if !frustration.isEmpty { result[.frustration] = frustration }
            if !confusion.isEmpty { result[.confusion] = confusion }
            if !urgency.isEmpty { result[.urgency] = urgency }
            if !delight.isEmpty { result[.delight] = delight }
            return result
        }
    }

    struct EmotionCollector: CueSink {
        var mask: UInt8 = 0
        @inline(__always) mutating func found(
            _ emotion: Emotion, _ cue: FoundCue, tables: Tables, bytes: UnsafeBufferPointer<UInt8>
        ) {
            mask |= EmotionLexicon.bit(emotion)
        }
    }

    struct Matcher {
        let tables: Tables
        let tokens: UnsafeBufferPointer<Token>
        let bytes: UnsafeBufferPointer<UInt8>

        func run<Sink: CueSink>(into sink: inout Sink) {
            // Clause state: the `!!` and `?` patterns read the clause they close.
            var clauseHasDelight = false
            var clauseHasConfusion = false
            var clauseQuestionWord: Int32 = -1
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                switch token.kind {
                case .pause:
                    clauseHasDelight = false
                    clauseHasConfusion = false
                    clauseQuestionWord = -1
                    index += 1
                case .marks:
                    if token.questions >= 2 && !clauseHasConfusion {
                        sink.found(.confusion, .marks("??"), tables: tables, bytes: bytes)
                    } else if token.questions > 0 && clauseQuestionWord >= 0 && !clauseHasConfusion {
                        sink.found(.confusion, .question(word: clauseQuestionWord), tables: tables, bytes: bytes)
                    }
                    if token.bangs >= 2 && !clauseHasDelight {
                        sink.found(.frustration, .marks("!!"), tables: tables, bytes: bytes)
                    }
                    clauseHasDelight = false
                    clauseHasConfusion = false
                    clauseQuestionWord = -1
                    index += 1
                case .word, .emoji:
                    guard let match = longestCue(at: index) else {
                        if token.id >= 0 && tables.flags[Int(token.id)] & Tables.questionFlag != 0 && clauseQuestionWord < 0 {
                            clauseQuestionWord = token.id
                        }
                        if token.isShouted && (token.id < 0 || tables.flags[Int(token.id)] & Tables.acronymFlag == 0) {
                            sink.found(.frustration, .shouted(start: token.start, end: token.end), tables: tables, bytes: bytes)
                        }
                        index += 1
                        continue
                    }
                    let cue = tables.cues[Int(match.cue)]
                    if let emotion = cue.emotion {
                        if !cue.hasNegator, let negator = negator(before: index) {
                            if emotion == .delight {
                                sink.found(.frustration, .negated(negator: negator, entry: match.cue), tables: tables,
                                           bytes: bytes)
                            }
                        } else {
                            sink.found(emotion, .entry(match.cue), tables: tables, bytes: bytes)
                            if emotion == .delight { clauseHasDelight = true }
                            if emotion == .confusion { clauseHasConfusion = true }
                        }
                    }
                    index += match.length
                }
            }
        }

        /// The longest cue starting at `index`.
        @inline(__always) func longestCue(at index: Int) -> (cue: Int32, length: Int)? {
            let first = tokens[index].id
            guard first >= 0 else { return nil }
            var node = tables.firstNode[Int(first)]
            guard node >= 0 else { return nil }
            var best: (cue: Int32, length: Int)? = tables.nodeCue[Int(node)] >= 0 ? (tables.nodeCue[Int(node)], 1) : nil
            var next = index + 1
            while tables.nodeHasChildren[Int(node)] && next < tokens.count {
                let id = tokens[next].id
                guard id >= 0, let child = tables.edges[Tables.edgeKey(node, id)] else { break }
                node = child
                next += 1
                if tables.nodeCue[Int(node)] >= 0 { best = (tables.nodeCue[Int(node)], next - index) }
            }
            return best
        }

        /// The negator just before `index`, skipping up to three filler words, within the clause.
        @inline(__always) func negator(before index: Int) -> Int32? {
            var position = index - 1
            var skipped = 0
            while position >= 0 {
                let token = tokens[position]
                guard token.kind == .word, token.id >= 0 else { return nil }
                let flags = tables.flags[Int(token.id)]
                if flags & Tables.negatorFlag != 0 { return token.id }
                guard flags & Tables.fillerFlag != 0, skipped < 3 else { return nil }
                skipped += 1
                position -= 1
            }
            return nil
        }
    }
}
