namespace EvalBot.Tests.Cards;

/// <summary>
/// Binder cases as (template, data, expected) JSON texts, written in single quotes for readability (a single quote
/// becomes a double quote, and a backquote a single quote). The same table is checked against our binder and against
/// adaptivecards-templating, so every expectation below is also the official engine's answer.
/// </summary>
public static class BinderTable
{
    private const string Data = "{'name':'An','n':3,'f':1.5,'ok':true,'o':{'a':1},'arr':[1,2],'empty':'','nul':null,"
        + "'items':[{'x':'a'},{'x':'b'}],'t':{'hi':'Xin chào'},'Mixed':'case','big':1e21,'tiny':0.0000001,'neg':-1234.5}";

    public static IEnumerable<(string Name, string Template, string Expected)> Rows { get; } =
    [
        // types are kept by a whole-string binding
        ("string", "{'v':'${name}'}", "{'v':'An'}"),
        ("number stays number", "{'v':'${n}'}", "{'v':3}"),
        ("decimal", "{'v':'${f}'}", "{'v':1.5}"),
        ("bool", "{'v':'${ok}'}", "{'v':true}"),
        ("object stays structured", "{'v':'${o}'}", "{'v':{'a':1}}"),
        ("array stays structured", "{'v':'${arr}'}", "{'v':[1,2]}"),
        ("json null", "{'v':'${nul}'}", "{'v':null}"),
        ("literal in a binding is text", "{'v':'${3}'}", "{'v':'3'}"),
        ("true literal is text", "{'v':'${true}'}", "{'v':'true'}"),
        // embedded bindings are stringified
        ("embedded", "{'v':'Hi ${name}!'}", "{'v':'Hi An!'}"),
        ("embedded number", "{'v':'n=${n}, f=${f}'}", "{'v':'n=3, f=1.5'}"),
        ("embedded bool", "{'v':'${ok}?'}", "{'v':'true?'}"),
        ("embedded object", "{'v':'o=${o}'}", "{'v':'o=[object Object]'}"),
        ("embedded array", "{'v':'a=${arr}'}", "{'v':'a=1,2'}"),
        ("embedded big number", "{'v':'${big} ${tiny}'}", "{'v':'1e+21 1e-7'}"),
        ("two bindings", "{'v':'${name}${name}'}", "{'v':'AnAn'}"),
        // paths
        ("nested path", "{'v':'${o.a}'}", "{'v':1}"),
        ("index", "{'v':'${arr[1]}'}", "{'v':2}"),
        ("index then member", "{'v':'${items[1].x}'}", "{'v':'b'}"),
        ("root path", "{'v':'${$root.t.hi}'}", "{'v':'Xin chào'}"),
        ("keys are case-insensitive", "{'v':'${mixed}'}", "{'v':'case'}"),
        ("missing stays literal", "{'v':'${nope}'}", "{'v':'${nope}'}"),
        ("missing nested stays literal", "{'v':'Hi ${o.nope}'}", "{'v':'Hi ${o.nope}'}"),
        ("index out of range stays literal", "{'v':'${items[5].x}'}", "{'v':'${items[5].x}'}"),
        // escapes and non-bindings
        ("escaped binding", "{'v':'\\\\${name}'}", "{'v':'${name}'}"),
        ("escape next to a binding", "{'v':'a \\\\${name} ${name}'}", "{'v':'a ${name} An'}"),
        ("no binding, backslash kept", "{'v':'a\\\\nb'}", "{'v':'a\\\\nb'}"),
        ("unterminated is text", "{'v':'${name'}", "{'v':'${name'}"),
        ("dollar alone is text", "{'v':'$name'}", "{'v':'$name'}"),
        // operators
        ("equals", "{'v':'${n == 3}'}", "{'v':true}"),
        ("not equals", "{'v':'${n != 3}'}", "{'v':false}"),
        ("number vs string is not equal", "{'v':'${n == `3`}'}", "{'v':false}"),
        ("less", "{'v':'${n < 4}'}", "{'v':true}"),
        ("less or equal", "{'v':'${n <= 2}'}", "{'v':false}"),
        ("greater or equal", "{'v':'${n >= 3}'}", "{'v':true}"),
        ("string order", "{'v':'${`a` < `b`}'}", "{'v':true}"),
        ("and", "{'v':'${n > 2 && name == `An`}'}", "{'v':true}"),
        ("or", "{'v':'${n > 5 || ok}'}", "{'v':true}"),
        ("not", "{'v':'${!(n > 2)}'}", "{'v':false}"),
        ("missing compares false", "{'v':'${nope == 1}'}", "{'v':false}"),
        ("not of missing is true", "{'v':'${!nope}'}", "{'v':true}"),
        ("null equals missing", "{'v':'${nul == nope}'}", "{'v':true}"),
        ("zero is logically true", "{'v':'${!0}'}", "{'v':false}"),
        ("unary minus", "{'v':'${-n}'}", "{'v':-3}"),
        // functions
        ("if", "{'v':'${if(n > 2, `big`, `small`)}'}", "{'v':'big'}"),
        ("if on missing", "{'v':'${if(nope, `y`, `n`)}'}", "{'v':'n'}"),
        ("count array", "{'v':'${count(arr)}'}", "{'v':2}"),
        ("count string", "{'v':'${count(name)}'}", "{'v':2}"),
        ("empty string", "{'v':'${empty(empty)}'}", "{'v':true}"),
        ("empty missing", "{'v':'${empty(nope)}'}", "{'v':true}"),
        ("empty zero", "{'v':'${empty(0)}'}", "{'v':false}"),
        ("not function", "{'v':'${not(ok)}'}", "{'v':false}"),
        ("concat strings", "{'v':'${concat(`a`, name, `-`, n)}'}", "{'v':'aAn-3'}"),
        ("concat of one", "{'v':'${concat(name)}'}", "{'v':'An'}"),
        ("concat missing", "{'v':'${concat(`a`, nope)}'}", "{'v':'a${nope}'}"),
        ("nested concat", "{'v':'x${concat(`a`, o)}'}", "{'v':'xa{\\\"a\\\":1}'}"),
        ("formatNumber", "{'v':'${formatNumber(1234.5, 2)}'}", "{'v':'1,234.50'}"),
        ("formatNumber rounds", "{'v':'${formatNumber(2.5, 0)}'}", "{'v':'3'}"),
        ("formatNumber negative", "{'v':'${formatNumber(neg, 1)}'}", "{'v':'−1,234.5'}"),
        ("formatNumber vi", "{'v':'${formatNumber(1234.5, 0, `vi-VN`)}'}", "{'v':'1,235'}"),
        ("string of number", "{'v':'${string(1234.5)}'}", "{'v':'1,234.5'}"),
        ("string of object", "{'v':'${string(o)}'}", "{'v':'{\\\"a\\\":1}'}"),
        ("string of bool", "{'v':'${string(ok)}'}", "{'v':'true'}"),
        ("length", "{'v':'${length(name)}'}", "{'v':2}"),
        ("and function", "{'v':'${and(ok, n > 1, name)}'}", "{'v':true}"),
        ("or function", "{'v':'${or(nope, false)}'}", "{'v':false}"),
        ("equals function", "{'v':'${equals(n, 3)}'}", "{'v':true}"),
        ("greater function", "{'v':'${greater(n, 2)}'}", "{'v':true}"),
        ("string literal escapes", "{'v':'${`it\\\\`s`}'}", "{'v':'it`s'}"),
        // $data, $index, $root, $when
        ("array data repeats", "{'b':[{'$data':'${items}','v':'${x}'}]}", "{'b':[{'v':'a'},{'v':'b'}]}"),
        ("$index in a repetition", "{'b':[{'$data':'${items}','v':'${$index}:${x}'}]}", "{'b':[{'v':'0:a'},{'v':'1:b'}]}"),
        ("index keeps its type", "{'b':[{'$data':'${items}','i':'${$index}'}]}", "{'b':[{'i':0},{'i':1}]}"),
        ("root inside repetition", "{'b':[{'$data':'${items}','v':'${$root.name}-${x}'}]}", "{'b':[{'v':'An-a'},{'v':'An-b'}]}"),
        ("data over primitives", "{'b':[{'$data':'${arr}','v':'${$data}'}]}", "{'b':[{'v':1},{'v':2}]}"),
        ("object data changes scope", "{'b':{'$data':'${o}','v':'${a}'}}", "{'b':{'v':1}}"),
        ("nested index inherits", "{'b':[{'$data':'${items}','c':[{'v':'${$index}'}]}]}", "{'b':[{'c':[{'v':0}]},{'c':[{'v':1}]}]}"),
        ("single item unwraps", "{'b':{'$data':[{'x':1}],'v':'${x}'}}", "{'b':{'v':1}}"),
        ("empty data gives null", "{'b':{'$data':[],'v':1}}", "{'b':null}"),
        ("empty data in array vanishes", "{'b':[{'$data':[],'v':1},{'v':2}]}", "{'b':[{'v':2}]}"),
        ("repeated property value is an array", "{'b':{'$data':'${items}','v':'${x}'}}", "{'b':[{'v':'a'},{'v':'b'}]}"),
        ("when true keeps", "{'b':[{'$when':'${n == 3}','v':1}]}", "{'b':[{'v':1}]}"),
        ("when false drops", "{'b':[{'$when':'${n == 4}','v':1},{'v':2}]}", "{'b':[{'v':2}]}"),
        ("when non-boolean drops", "{'b':[{'$when':'${name}','v':1}]}", "{'b':[]}"),
        ("when missing drops", "{'b':[{'$when':'${nope}','v':1}]}", "{'b':[]}"),
        ("when per item", "{'b':[{'$data':'${items}','$when':'${x == `b`}','v':'${x}'}]}", "{'b':[{'v':'b'}]}"),
        ("when on a property drops to null", "{'b':{'$when':'${false}','v':1}}", "{'b':null}"),
        ("arrays flatten", "{'b':[[1,2],3]}", "{'b':[1,2,3]}"),
        ("nulls in arrays vanish", "{'b':[null,1,'${nul}']}", "{'b':[1]}"),
        ("bound array in array flattens", "{'b':['${arr}',3]}", "{'b':[1,2,3]}"),
        ("reserved keys are removed", "{'$root':1,'$index':2,'$schema':'s','v':1}", "{'$schema':'s','v':1}"),
        ("non-string values untouched", "{'a':1,'b':true,'c':null,'d':1.25}", "{'a':1,'b':true,'c':null,'d':1.25}"),
    ];

    public static string DataJson => Json(Data);

    public static string Json(string text) => text.Replace('\'', '"').Replace('`', '\'');
}
