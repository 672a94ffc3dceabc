import Testing

@testable import GraphModel

@Test func integersAndKeysAreWrittenWithoutIntermediateStrings() {
    var w = JSONWriter()
    w.beginObject()
    w.field("ints", [0, 7, -5, 10, 1_234_567_890, Int.max, Int.min])
    w.key("doubles")
    w.beginArray()
    for d in [3.0, -0.0, -42.0, 0.5, 1e15, .nan, -.infinity] { w.value(d) }
    w.endArray()
    w.field("none", nil as Int?)
    w.field("text", "a\"b\\\n\u{1}é")
    w.endObject()
    #expect(
        w.text == #"{"ints":[0,7,-5,10,1234567890,9223372036854775807,-9223372036854775808],"#
            + #""doubles":[3,0,-42,0.5,1000000000000000.0,"nan","-inf"],"none":null,"text":"a\"b\\\n\u0001é"}"#)
}

@Test func computedKeysAreEscapedAndSeparatedLikeLiteralKeys() {
    var w = JSONWriter()
    w.beginObject()
    w.key(computed: "t12")
    w.value(1)
    w.key(computed: "a\"b\\\n")
    w.beginArray()
    w.endArray()
    w.field("last", true)
    w.endObject()
    #expect(w.text == #"{"t12":1,"a\"b\\\n":[],"last":true}"#)
}
