import Testing
import RegionMeshGenerator

@Suite("Text tables")
struct TextTableTests {
    let table = TextTable(header: ["region", "pods", "note"], rows: [
        ["eastus", "10.1.0.0/16", ""],
        ["northeurope", "10.3.0.0/16", "a | b"],
    ])

    @Test func plainTextAlignsColumnsAndEndsNoLineInSpaces() {
        #expect(table.plainText == """
            region       pods         note
            -----------  -----------  -----
            eastus       10.1.0.0/16
            northeurope  10.3.0.0/16  a | b

            """)
    }

    @Test func markdownEscapesPipesInCells() {
        #expect(table.markdown == """
            | region | pods | note |
            | --- | --- | --- |
            | eastus | 10.1.0.0/16 |  |
            | northeurope | 10.3.0.0/16 | a \\| b |

            """)
    }
}
