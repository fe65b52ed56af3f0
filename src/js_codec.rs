//! serde to and from plain JS values (what `postMessage` clones and `JSON` reads), written for
//! size: errors carry no message, so none of serde's error formatting (and the float printing
//! it drags in) reaches the wasm. Enums are externally tagged: `"ready"`,
//! `{"resized": {"height": 120}}`.

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// A value that did not fit the expected shape. Deliberately without details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodecError;

impl core::fmt::Display for CodecError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("message does not fit")
    }
}
impl std::error::Error for CodecError {}
impl ser::Error for CodecError {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        CodecError
    }
}
impl de::Error for CodecError {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        CodecError
    }
}

type R<T> = Result<T, CodecError>;

/// Serializes `value` to a JS value (`null` if it cannot be).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value.serialize(Ser).unwrap_or(JsValue::NULL)
}

/// Deserializes a `T` from a JS value.
pub fn from_js<T: de::DeserializeOwned>(value: JsValue) -> R<T> {
    T::deserialize(De(value))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn tagged(variant: &str, value: JsValue) -> JsValue {
    let obj = Object::new();
    set(&obj, variant, &value);
    obj.into()
}

struct Ser;

/// Collects an array.
pub struct SeqSer(Array, Option<&'static str>);
/// Collects an object.
pub struct MapSer(Object, Option<JsValue>, Option<&'static str>);

impl ser::Serializer for Ser {
    type Ok = JsValue;
    type Error = CodecError;
    type SerializeSeq = SeqSer;
    type SerializeTuple = SeqSer;
    type SerializeTupleStruct = SeqSer;
    type SerializeTupleVariant = SeqSer;
    type SerializeMap = MapSer;
    type SerializeStruct = MapSer;
    type SerializeStructVariant = MapSer;

    fn serialize_bool(self, v: bool) -> R<JsValue> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R<JsValue> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R<JsValue> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> R<JsValue> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> R<JsValue> {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, v: char) -> R<JsValue> {
        Ok(JsValue::from_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> R<JsValue> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> R<JsValue> {
        Err(CodecError)
    }
    fn serialize_none(self) -> R<JsValue> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R<JsValue> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R<JsValue> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<JsValue> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<JsValue> {
        Ok(JsValue::from_str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<JsValue> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R<JsValue> {
        Ok(tagged(variant, v.serialize(Ser)?))
    }
    fn serialize_seq(self, _: Option<usize>) -> R<SeqSer> {
        Ok(SeqSer(Array::new(), None))
    }
    fn serialize_tuple(self, _: usize) -> R<SeqSer> {
        Ok(SeqSer(Array::new(), None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> R<SeqSer> {
        Ok(SeqSer(Array::new(), None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> R<SeqSer> {
        Ok(SeqSer(Array::new(), Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> R<MapSer> {
        Ok(MapSer(Object::new(), None, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> R<MapSer> {
        Ok(MapSer(Object::new(), None, None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> R<MapSer> {
        Ok(MapSer(Object::new(), None, Some(variant)))
    }
}

impl SeqSer {
    fn push<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.0.push(&v.serialize(Ser)?);
        Ok(())
    }
    fn done(self) -> R<JsValue> {
        Ok(match self.1 {
            Some(variant) => tagged(variant, self.0.into()),
            None => self.0.into(),
        })
    }
}

impl ser::SerializeSeq for SeqSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.push(v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}
impl ser::SerializeTuple for SeqSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.push(v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}
impl ser::SerializeTupleStruct for SeqSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.push(v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}
impl ser::SerializeTupleVariant for SeqSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.push(v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}

impl MapSer {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> R<()> {
        set(&self.0, key, &v.serialize(Ser)?);
        Ok(())
    }
    fn done(self) -> R<JsValue> {
        Ok(match self.2 {
            Some(variant) => tagged(variant, self.0.into()),
            None => self.0.into(),
        })
    }
}

impl ser::SerializeMap for MapSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> R<()> {
        self.1 = Some(k.serialize(Ser)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        let key = self
            .1
            .take()
            .and_then(|k| k.as_string())
            .ok_or(CodecError)?;
        self.field(&key, v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}
impl ser::SerializeStruct for MapSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R<()> {
        self.field(key, v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}
impl ser::SerializeStructVariant for MapSer {
    type Ok = JsValue;
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R<()> {
        self.field(key, v)
    }
    fn end(self) -> R<JsValue> {
        self.done()
    }
}

struct De(JsValue);

impl<'de> de::Deserializer<'de> for De {
    type Error = CodecError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> R<V::Value> {
        let x = self.0;
        if x.is_null() || x.is_undefined() {
            v.visit_unit()
        } else if let Some(b) = x.as_bool() {
            v.visit_bool(b)
        } else if let Some(n) = x.as_f64() {
            if n.fract() == 0.0 && (0.0..9.007_199_254_740_992e15).contains(&n) {
                v.visit_u64(n as u64)
            } else if n.fract() == 0.0 && n > -9.007_199_254_740_992e15 && n < 0.0 {
                v.visit_i64(n as i64)
            } else {
                v.visit_f64(n)
            }
        } else if let Some(s) = x.as_string() {
            v.visit_string(s)
        } else if Array::is_array(&x) {
            let items: Vec<JsValue> = x.unchecked_into::<Array>().iter().collect();
            v.visit_seq(de::value::SeqDeserializer::new(items.into_iter().map(De)))
        } else if x.is_object() {
            let obj: Object = x.unchecked_into();
            let entries = Object::keys(&obj)
                .iter()
                .map(|k| {
                    let value = Reflect::get(&obj, &k).unwrap_or(JsValue::UNDEFINED);
                    (k.as_string().unwrap_or_default(), De(value))
                })
                .collect::<Vec<_>>();
            v.visit_map(de::value::MapDeserializer::new(entries.into_iter()))
        } else {
            Err(CodecError)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> R<V::Value> {
        if self.0.is_null() || self.0.is_undefined() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> R<V::Value> {
        if let Some(s) = self.0.as_string() {
            return v.visit_enum(s.into_deserializer());
        }
        let obj: Object = self.0.dyn_into().map_err(|_| CodecError)?;
        let keys = Object::keys(&obj);
        if keys.length() != 1 {
            return Err(CodecError);
        }
        let key = keys.get(0);
        let value = Reflect::get(&obj, &key).map_err(|_| CodecError)?;
        v.visit_enum(Tagged(key.as_string().ok_or(CodecError)?, De(value)))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> R<V::Value> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier
    }
}

impl<'de> IntoDeserializer<'de, CodecError> for De {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

struct Tagged(String, De);

impl<'de> de::EnumAccess<'de> for Tagged {
    type Error = CodecError;
    type Variant = De;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> R<(S::Value, De)> {
        let key: de::value::StringDeserializer<CodecError> = self.0.into_deserializer();
        Ok((seed.deserialize(key)?, self.1))
    }
}

impl<'de> de::VariantAccess<'de> for De {
    type Error = CodecError;
    fn unit_variant(self) -> R<()> {
        Ok(())
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> R<S::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> R<V::Value> {
        de::Deserializer::deserialize_any(self, v)
    }
    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], v: V) -> R<V::Value> {
        de::Deserializer::deserialize_any(self, v)
    }
}
