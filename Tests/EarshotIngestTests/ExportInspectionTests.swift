import EarshotIngest
import Testing

@Suite struct ExportInspectionTests {
    private func inspection(delimiter: UInt8) -> ExportInspection {
        ExportInspection(
            path: "/tmp/x.csv", fileName: "x.csv", sha256: "", byteCount: 1, encoding: .utf8, delimiter: delimiter,
            headerRows: [], layout: nil)
    }

    @Test(arguments: [(UInt8(0x09), "tab"), (UInt8(ascii: ","), ","), (UInt8(ascii: ";"), ";"), (UInt8(ascii: "|"), "|")])
    func delimiterName(delimiter: UInt8, expected: String) {
        #expect(inspection(delimiter: delimiter).delimiterName == expected)
    }
}
