## uploads

uploads-wrong_type = I can't accept this type of file. These will do: { $types }. Nothing was saved.
uploads-too_large = The file is larger than { $max_mb } MB. Compress it or send it to the support e-mail. Nothing was saved.
uploads-empty = The file is empty. Please send it again.
