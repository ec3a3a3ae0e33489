// Digits are typed and read left to right, but the field still lines up with the page:
// right-aligned in Arabic, left-aligned in English.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useDirection } from '@mantine/core';

export function LtrInput(props: TextInputProps) {
  const { dir } = useDirection();
  return <TextInput {...props} dir="ltr" styles={{ input: { textAlign: dir === 'rtl' ? 'right' : 'left' } }} />;
}
