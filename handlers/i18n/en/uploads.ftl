## uploads

uploads-wrong_type = I can't accept this type of file. These will do: { $types }. Nothing was saved.
uploads-too_large = The file is larger than { $max_mb } MB. Compress it or send it to { -support-email }. Nothing was saved.
uploads-empty = The file is empty. Please send it again.
uploads-wrong_content = The file { $name } is not really { $format }: its content does not match its name. I did not add it to request #{ $number } and deleted it. Please send the file again — these will do: { $types }, up to { $max_mb } MB.
uploads-refused_to_managers = Request #{ $number }: the customer's file { $name } was not accepted — its content is not { $format }. The file was deleted and the customer asked to send it again.
uploads-import_not_text = The file { $name } is not a CSV text file: it holds binary data. Nothing was imported. Save the table as "CSV UTF-8" and send it again.
