import EarshotModel

/// Counts records by week, source, NPS group and emotions as detection streams them by, and their themes from the
/// detection's matches, so the weekly figures need no `GROUP BY` over millions of stored records and assignments.
///
/// Records are counted in the order they are handed to the detector: a match's ``DetectedThemes/Match/document`` is
/// that position. Per record, only a small index of its group is kept.
public struct RecordGroupCounter: Sendable {
    private var indexOfGroup: [RecordGroup: Int32] = [:]
    /// The distinct groups (count 0 as a key), then their counts.
    private var distinct: [RecordGroup] = []
    private var counts: [Int] = []
    /// Each record's group, by stream position.
    private var groupOfRecord: [Int32] = []

    /// Creates an empty counter.
    public init() {}

    /// Counts the next record.
    public mutating func add(week: ISOWeek, source: String, npsCategory: NPSCategory?, emotions: EmotionSet = EmotionSet()) {
        count(RecordGroup(week: week, source: source, npsCategory: npsCategory, emotions: emotions, count: 0))
    }

    /// Counts the next record under `key`, which is a new group the first time it is seen; returns its index.
    @discardableResult
    private mutating func count(_ key: RecordGroup) -> Int32 {
        let index: Int32
        if let known = indexOfGroup[key] {
            index = known
        } else {
            index = Int32(distinct.count)
            indexOfGroup[key] = index
            distinct.append(key)
            counts.append(0)
        }
        counts[Int(index)] += 1
        groupOfRecord.append(index)
        return index
    }

    /// Sets every counted record's emotions, by stream position, replacing those it was counted with: detection finds
    /// them on its worker threads while the records are counted on the reading one.
    public mutating func setEmotions(_ emotions: [EmotionSet]) {
        precondition(emotions.count == groupOfRecord.count, "one emotion set per counted record")
        let oldGroups = distinct
        var regrouped = RecordGroupCounter()
        // A record's new group depends only on its old group and its emotions: each pair is looked up once.
        var newIndex = [Int32](repeating: -1, count: oldGroups.count << 8)
        regrouped.groupOfRecord.reserveCapacity(groupOfRecord.count)
        for (group, set) in zip(groupOfRecord, emotions) {
            let slot = Int(group) << 8 | Int(set.rawValue)
            if newIndex[slot] < 0 {
                var key = oldGroups[Int(group)]
                key.emotions = set
                newIndex[slot] = regrouped.count(key)
            } else {
                regrouped.counts[Int(newIndex[slot])] += 1
                regrouped.groupOfRecord.append(newIndex[slot])
            }
        }
        self = regrouped
    }

    /// The records counted so far.
    public var recordCount: Int { groupOfRecord.count }

    /// Every group with its count.
    public var groups: [RecordGroup] {
        zip(distinct, counts).map { group, count in
            var counted = group
            counted.count = count
            return counted
        }
    }

    /// The (theme, group) counts of `matches`, each match's detected theme counted under `themeIDs[theme]` (skipped
    /// when `nil`), a record counted once per theme however many of its detected themes share that id: as the
    /// curated assignments have it.
    public func themeGroups(_ matches: [DetectedThemes.Match], themeIDs: [String?]) -> [ThemeRecordGroup] {
        // Curated ids as small numbers, and one flat table of counts by (id, group): millions of matches are
        // counted, and a dictionary keyed by id string per match cost a second.
        var ids: [String] = []
        var numberOfID: [String: Int] = [:]
        let numbers = themeIDs.map { id -> Int in
            guard let id else { return -1 }
            if let number = numberOfID[id] { return number }
            numberOfID[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        let groupCount = distinct.count
        var cells = [Int](repeating: 0, count: ids.count * groupCount)
        var seen: [Int] = []
        var current = -1
        // By index: a copy of each match would retain its strings.
        for position in matches.indices {
            let document = matches[position].document
            guard document >= 0, document < groupOfRecord.count else { continue }
            let number = numbers[matches[position].theme]
            guard number >= 0 else { continue }
            if document != current {
                current = document
                seen.removeAll(keepingCapacity: true)
            }
            guard !seen.contains(number) else { continue }
            seen.append(number)
            cells[number * groupCount + Int(groupOfRecord[document])] += 1
        }
        var result: [ThemeRecordGroup] = []
        for (number, id) in ids.enumerated() {
            for group in 0..<groupCount where cells[number * groupCount + group] > 0 {
                var records = distinct[group]
                records.count = cells[number * groupCount + group]
                result.append(ThemeRecordGroup(themeID: id, records: records))
            }
        }
        return result
    }
}
