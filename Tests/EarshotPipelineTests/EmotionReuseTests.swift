import EarshotModel
import EarshotPipeline
import EarshotStore
import EarshotThemes
import Foundation
import Testing

/// A detection reads the emotion cues the last themes run stored for records normalize has not written since, instead
/// of finding them again; cues of records normalized since, or stored by another version of the lexicon, are found
/// again from the text.
@Suite struct EmotionReuseTests {
    /// Stores `emotions` for their records as a nightly run of lexicon `version` would.
    static func store(_ emotions: [RecordID: EmotionSet], lexicon version: Int, in store: StageStore) throws {
        try store.addAssignments(
            [], of: Array(emotions.keys), emotions: emotions.map { RecordEmotions(recordID: $0.key, emotions: $0.value) },
            weeks: [], window: [], weekly: { _, _ in [] }, run: ThemesRun(emotionLexiconVersion: version),
            inputVersion: try store.stageState(.normalize).version)
    }

    @Test func storedCuesAreReusedUntilTheRecordOrTheLexiconChanges() throws {
        let context = try PipelineTestContext()
        _ = try context.pipeline.run(inbox: URL(fileURLWithPath: PipelineTestContext.fixture("sample")), now: PipelineTestContext.now)
        let store = context.workspace.store
        let found = try store.recordEmotions()
        #expect(try store.emotionLexiconVersion() == EmotionLexicon.version)
        let withCues = try #require(found.keys.sorted().first)
        let withoutCues = try #require(try store.records().map(\.id).first { found[$0] == nil })
        let changed: [RecordID: EmotionSet] = [withCues: found[withCues] == [.urgency] ? [.delight] : [.urgency], withoutCues: [.delight]]

        // Stored by this lexicon for unchanged records: a detection takes them as they are.
        try Self.store(changed, lexicon: EmotionLexicon.version, in: store)
        try context.pipeline.detectThemes()
        var expected = found
        for (id, emotions) in changed { expected[id] = emotions }
        #expect(try store.recordEmotions() == expected)

        // Every record normalized again: every text is read for its cues.
        _ = try context.pipeline.normalize()
        try context.pipeline.detectThemes()
        #expect(try store.recordEmotions() == found)

        // Cues stored by another lexicon's run: no stored cue is trusted, every text is read again.
        try Self.store(changed, lexicon: EmotionLexicon.version + 1, in: store)
        #expect(try store.emotionLexiconVersion() == nil)
        try context.pipeline.detectThemes()
        #expect(try store.recordEmotions() == found)
        #expect(try store.emotionLexiconVersion() == EmotionLexicon.version)

        // A full run of another lexicon that found cues in only two records: none of its cues is trusted either.
        try store.replaceThemes(
            try store.themeModel(), emotions: changed.map { RecordEmotions(recordID: $0.key, emotions: $0.value) },
            run: ThemesRun(emotionLexiconVersion: EmotionLexicon.version + 1), inputVersion: try store.stageState(.normalize).version)
        #expect(try store.emotionLexiconVersion() == EmotionLexicon.version + 1)
        try context.pipeline.detectThemes()
        #expect(try store.recordEmotions() == found)
    }
}
