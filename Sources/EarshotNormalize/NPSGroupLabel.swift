import EarshotModel

/// NPS group cells as Qualtrics writes them: 1/2/3 or Detractor/Passive/Promoter.
enum NPSGroupLabel {
    static func category(_ cell: String) -> NPSCategory? {
        switch cell.lowercased() {
        case "1", "detractor", "detractors": .detractor
        case "2", "passive", "passives": .passive
        case "3", "promoter", "promoters": .promoter
        default: nil
        }
    }
}
